package org.dateline.site.internal;

import java.util.List;

import org.dateline.content.Article;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Editions;
import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.dateline.media.Picture;
import org.dateline.media.PictureFields;
import org.dateline.media.PictureQueries;
import org.dateline.media.PictureResult;
import org.dateline.media.PictureUpload;
import org.dateline.media.UploadPicture;
import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.PublishStory;
import org.dateline.newsroom.StoryResult;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestPictures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live preview's article takes the editor's unsaved lead picture and figures, looked up in the library as it
 * stands: a picture chosen a second ago shows before any save, and the saved one is kept when the field is absent.
 */
@IntegrationTest
class UnsavedArticleIT {

    static final Actor EDITOR = new Actor(0, "", "Preview test", Role.EDITOR);

    @Autowired
    UploadPicture upload;
    @Autowired
    PublishStory publish;
    @Autowired
    ContentQueries content;
    @Autowired
    Editions editions;
    @Autowired
    PictureQueries pictures;

    long picture(int width) {
        PictureResult result = upload.upload(EDITOR, PictureUpload.of(TestPictures.jpeg(width, 300), "image/jpeg",
                "p.jpg", new PictureFields(null, "Caption", "Alt text", null, null, null, null, null)));
        return ((PictureResult.Done) result).picture().id();
    }

    @Test
    void theUnsavedLeadPictureAndFiguresAreShownAndTheSavedLeadStaysWhenTheFieldIsAbsent() {
        long saved = picture(401);
        long chosen = picture(402);
        long figure = picture(403);
        StoryResult result = publish.publishNew(EDITOR, new PublishCommand("en", "science", "Preview pictures",
                "A lead.", List.of("Text."), "OSLO", null, "Dateline", List.of(), List.of(), null, null, saved));
        Article stored = content.stored(((StoryResult.Done) result).storyId()).orElseThrow();

        Article unsaved = new UnsavedArticle(null, "Preview pictures", "A lead.",
                "Text.\n\n![](picture:" + figure + ")", "OSLO", "", "Dateline", "", "", "", String.valueOf(chosen))
                .over(stored, editions, pictures);
        assertThat(unsaved.leadPicture()).map(Picture::id).hasValue(chosen);
        assertThat(unsaved.pictures()).containsOnlyKeys(chosen, figure);

        Article none = new UnsavedArticle(null, "Preview pictures", "A lead.", "Text.", "OSLO", "", "Dateline", "",
                "", "", "").over(stored, editions, pictures);
        assertThat(none.leadPicture()).isEmpty();
        Article absent = new UnsavedArticle(null, "Preview pictures", "A lead.", "Text.", "OSLO", "", "Dateline", "",
                "", "", null).over(stored, editions, pictures);
        assertThat(absent.leadPicture()).map(Picture::id).hasValue(saved);
    }
}
