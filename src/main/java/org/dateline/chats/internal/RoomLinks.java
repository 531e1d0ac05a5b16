package org.dateline.chats.internal;

import java.util.Optional;

import org.dateline.chats.Room;
import org.dateline.content.Article;
import org.dateline.content.ChatPaths;
import org.dateline.content.ContentQueries;
import org.springframework.stereotype.Component;

/**
 * Where a room is read and what it is called there: a topic room on its own page, an article room under its
 * article, by the headline as it reads now (not as it read when the room opened). A room whose story left the site
 * has neither. Public for the moderators' queries.
 */
@Component
public class RoomLinks {

    /** A room's title and address as a reader's list of rooms shows them. */
    public record RoomLink(String title, String url) {
    }

    private final ContentQueries content;

    RoomLinks(ContentQueries content) {
        this.content = content;
    }

    /** The public page of the room; empty when its article left the site. */
    public Optional<String> pagePath(Room room) {
        if (room.articleId() == null) {
            return Optional.of(ChatPaths.topicRoom(room.edition(), room.slug()));
        }
        return content.article(room.articleId()).map(Article::path);
    }

    Optional<RoomLink> link(Room room) {
        return link(room.articleId(), room.edition(), room.slug(), room.title());
    }

    /** Empty when the room's story left the site (its conversation with it). */
    Optional<RoomLink> link(Long articleId, String edition, String slug, String title) {
        if (articleId == null) {
            return Optional.of(new RoomLink(title, ChatPaths.atConversation(ChatPaths.topicRoom(edition, slug))));
        }
        return content.article(articleId).map(article -> new RoomLink(article.headline(),
                ChatPaths.atConversation(article.path())));
    }
}
