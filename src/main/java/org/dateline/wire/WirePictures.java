package org.dateline.wire;

import java.time.Instant;
import java.util.Optional;

import org.dateline.identity.Actor;
import org.dateline.media.Picture;
import org.dateline.media.PictureFields;
import org.dateline.media.PictureProblem;
import org.dateline.media.PictureQueries;
import org.dateline.media.PictureResult;
import org.dateline.media.PictureUpload;
import org.dateline.media.ReplacePictureFile;
import org.dateline.media.UploadPicture;
import org.dateline.media.WithdrawPicture;
import org.dateline.newsroom.Story;
import org.dateline.newsroom.WorkflowPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Wire pictures into the library, through the media module's use cases and as the wire's editor: a new guid is
 * fetched and uploaded ({@link UploadPicture}), a newer version of a held guid fetched and put over the same entry
 * ({@link ReplacePictureFile}: same id, new words, new file when the bytes differ), {@code canceled} withdraws it
 * ({@link WithdrawPicture}), a version already held is a duplicate and fetches nothing. Files come from the best
 * rendition's address ({@link FeedFetcher#fetchPicture}: the feeds' address checks, redirects and timeout) or as
 * bytes (pushed, or dropped in the watched folder). Each picture is its own transaction and its own line of the
 * ingest log; a refusal (no rendition, a failed or refused fetch, a file the imaging pipeline refuses) stores
 * nothing, and never stops the rest.
 */
@Component
class WirePictures {

    private static final Logger log = LoggerFactory.getLogger(WirePictures.class);

    private final PictureQueries library;
    private final UploadPicture upload;
    private final ReplacePictureFile replace;
    private final WithdrawPicture withdraw;
    private final WireLog wireLog;
    private final FeedFetcher fetcher;
    private final boolean fetching;

    WirePictures(PictureQueries library, UploadPicture upload, ReplacePictureFile replace, WithdrawPicture withdraw,
                 WireLog wireLog, WireSettings settings) {
        this.library = library;
        this.upload = upload;
        this.replace = replace;
        this.withdraw = withdraw;
        this.wireLog = wireLog;
        this.fetcher = new FeedFetcher(FeedPoller.userAgent(), settings.allowLocalFeeds());
        this.fetching = settings.fetchPictures();
    }

    /** Whether pictures described at web addresses are fetched at all ({@code dateline.wire.fetch-pictures}). */
    boolean fetching() {
        return fetching;
    }

    /**
     * What became of one picture: its line in the ingest log, and the library's picture a story may show, when
     * there is a usable one.
     */
    record Taken(WireOutcome outcome, Long usable) {
    }

    /** A picture as a provider described it; its file is fetched when its version is new. */
    Taken take(WirePicture picture, String transport, String source, Instant now) {
        return guarded(picture.guid(), picture.guid(), picture.version(), transport, source, now,
                () -> versioned(picture.guid(), picture.version(), picture.pubStatus() == PubStatus.CANCELED,
                        () -> fetch(picture), fields(picture), source));
    }

    /**
     * A file sent as it is: with a guid, versioned like a described picture; without one, always a new entry. The
     * words are the file's own (IPTC, XMP).
     */
    Taken file(byte[] bytes, String contentType, String fileName, String guid, long version, String transport,
               String source, Instant now) {
        File file = new File(bytes, contentType, fileName);
        String ref = guid != null ? guid : fileName;
        if (guid == null) {
            return guarded(ref, null, null, transport, source, now,
                    () -> stored(WireOutcome.CREATED, upload.upload(actor(source),
                            new PictureUpload(bytes, contentType, fileName, PictureFields.none(), "wire:" + source,
                                    null, null))));
        }
        return guarded(ref, guid, version, transport, source, now,
                () -> versioned(guid, version, false, () -> file, PictureFields.none(), source));
    }

    /** A file to store, or why there is none. */
    private sealed interface Got permits File, Verdict {
    }

    /** The verdict on one picture: its result, the picture, and why when it was refused. */
    private record Verdict(String result, Long pictureId, boolean usable, String code, String message) implements Got {

        static Verdict refused(String code, String message) {
            return new Verdict(WireOutcome.REJECTED, null, false, code, message);
        }
    }

    /** A file to store, with what its sender said it is. */
    private record File(byte[] bytes, String contentType, String fileName) implements Got {
    }

    private interface Source {
        Got get();
    }

    private interface Step {
        Verdict run();
    }

    private Taken guarded(String ref, String guid, Long version, String transport, String source, Instant now,
                          Step step) {
        Verdict verdict;
        try {
            verdict = step.run();
        } catch (RuntimeException e) {
            // A guid raced in by another node, a database hiccup: this picture is not stored, the batch goes on.
            log.warn("Wire picture {} from {} not ingested: {}", ref, source, e.toString());
            verdict = Verdict.refused("ingest_failed", "The picture could not be stored; it may be sent again.");
        }
        WireOutcome outcome = wireLog.write(now, transport, source, ref, guid, version, verdict.result(), null,
                verdict.code(), verdict.message(), WireOutcome.PICTURE, verdict.pictureId());
        return new Taken(outcome, verdict.usable() ? verdict.pictureId() : null);
    }

    private Verdict versioned(String guid, long version, boolean canceled, Source file, PictureFields fields,
                              String source) {
        Optional<Picture> held = library.byWireGuid(guid);
        if (held.isEmpty()) {
            if (canceled) {
                return Verdict.refused("canceled_unknown", "A cancellation of a picture never received.");
            }
            Got got = file.get();
            if (got instanceof Verdict refused) {
                return refused;
            }
            File f = (File) got;
            return stored(WireOutcome.CREATED, upload.upload(actor(source), new PictureUpload(f.bytes(),
                    f.contentType(), f.fileName(), fields, "wire:" + source, guid, version)));
        }
        Picture picture = held.get();
        long heldVersion = picture.wireVersion() == null ? 0 : picture.wireVersion();
        if (version <= heldVersion) {
            return new Verdict(WireOutcome.DUPLICATE, picture.id(), picture.usable(), null,
                    "Version " + version + " is already held (" + heldVersion + ").");
        }
        if (canceled) {
            PictureResult withdrawn = withdraw.withdraw(actor(source), picture.id(), version);
            return withdrawn instanceof PictureResult.Done ? new Verdict(WireOutcome.WITHDRAWN, picture.id(), false,
                    null, null) : stored(WireOutcome.WITHDRAWN, withdrawn);
        }
        if (!picture.usable()) {
            return new Verdict(WireOutcome.REJECTED, picture.id(), false, "picture_withdrawn",
                    "The picture was withdrawn; a later version does not bring it back.");
        }
        Got got = file.get();
        if (got instanceof Verdict refused) {
            return refused;
        }
        File f = (File) got;
        return stored(WireOutcome.UPDATED, replace.replace(actor(source), picture.id(), new PictureUpload(f.bytes(),
                f.contentType(), f.fileName(), fields, "wire:" + source, guid, version)));
    }

    private static Verdict stored(String success, PictureResult result) {
        if (result instanceof PictureResult.Done done) {
            return new Verdict(success, done.picture().id(), done.picture().usable(), null, null);
        }
        if (result instanceof PictureResult.Rejected rejected) {
            PictureProblem first = rejected.problems().get(0);
            return Verdict.refused(first.code(), first.message());
        }
        PictureResult.Refused refused = (PictureResult.Refused) result;
        return Verdict.refused(refused.code(), refused.message());
    }

    /**
     * The best rendition's bytes. What the server says the file is, and the address's extension, are not held
     * against it (image services answer WebP at a {@code .jpg} address): the bytes decide, so HTML, SVG and broken
     * files are refused by the inspection however they are served.
     */
    private Got fetch(WirePicture picture) {
        Optional<WireRendition> best = picture.best();
        if (best.isEmpty()) {
            return Verdict.refused("no_rendition", "The picture has no JPEG, PNG or WebP rendition at a web address.");
        }
        String href = best.get().href();
        FeedFetcher.Fetch fetch = fetcher.fetchPicture(href);
        if (fetch instanceof FeedFetcher.Fetched fetched) {
            return new File(fetched.body(), null, null);
        }
        FeedFetcher.Failed failed = (FeedFetcher.Failed) fetch;
        return Verdict.refused(failed.code(), failed.message() + " (" + href + ")");
    }

    /** The provider's words, each cut to what the library keeps; what it does not say comes from the file. */
    private static PictureFields fields(WirePicture picture) {
        return new PictureFields(fit(picture.headline(), PictureFields.MAX_HEADLINE),
                fit(picture.caption(), PictureFields.MAX_CAPTION), fit(picture.altText(), PictureFields.MAX_ALT),
                fit(picture.credit(), PictureFields.MAX_CREDIT), fit(picture.byline(), PictureFields.MAX_BYLINE),
                fit(picture.copyright(), PictureFields.MAX_COPYRIGHT), null, null);
    }

    private static String fit(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.codePointCount(0, line.length()) <= max ? line : WireIngest.shorten(line, max);
    }

    /** The wire's editor, as for its text items. */
    private static Actor actor(String source) {
        return WorkflowPolicy.wireActor(new Story.Provenance(source, null, 0, null));
    }
}
