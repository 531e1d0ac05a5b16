package org.dateline.wire;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A picture (or graphic) as the provider described it, ready to be fetched and stored. Text fields are plain text.
 *
 * @param guid           the provider's id: NewsML-G2 {@code guid} (or an {@code itemRef}'s {@code residref}), ninjs
 *                       {@code uri}; for a feed's media, and a ninjs association without a uri, its first address
 * @param version        the provider's version number, {@code 1} when it gives none
 * @param headline       a title, or {@code null}
 * @param caption        what the picture shows, or {@code null}
 * @param altText        a description for readers who cannot see it, when the provider gives one apart from the
 *                       caption
 * @param credit         the credit line to print, or {@code null}
 * @param byline         the photographer, or {@code null}
 * @param copyright      the copyright notice, else the copyright holder, or {@code null}
 * @param created        when the picture was taken or made, or {@code null}
 * @param versionCreated when this version was made, or {@code null}
 * @param renditions     the renditions offered at http(s) addresses, in the provider's order; may be empty (a
 *                       cancellation, or a picture whose files are not at a web address)
 * @param format         {@code newsml-g2}, {@code ninjs}, {@code rss} or {@code atom}
 */
public record WirePicture(String guid, long version, PubStatus pubStatus, String headline, String caption,
                          String altText, String credit, String byline, String copyright, Instant created,
                          Instant versionCreated, List<WireRendition> renditions, String format) {

    /** Rendition names that mean "the full picture" where sizes are not given. */
    private static final Set<String> FULL_SIZE = Set.of("highres", "original", "baseimage");

    public WirePicture {
        renditions = List.copyOf(renditions);
    }

    /**
     * The rendition to fetch: of the JPEG, PNG and WebP ones, the largest by width × height; where no rendition gives
     * both, the largest by the one dimension given; else the one named highRes, original or baseImage; else the
     * first. Empty when no rendition is one of those images.
     */
    public Optional<WireRendition> best() {
        List<WireRendition> images = renditions.stream().filter(WireRendition::isFetchableImage).toList();
        Optional<WireRendition> byArea = images.stream().filter(r -> r.width() != null && r.height() != null)
                .max(Comparator.comparingLong(r -> (long) r.width() * r.height()));
        if (byArea.isPresent()) {
            return byArea;
        }
        Optional<WireRendition> bySide = images.stream().filter(r -> r.width() != null || r.height() != null)
                .max(Comparator.comparingInt(r -> r.width() != null ? r.width() : r.height()));
        if (bySide.isPresent()) {
            return bySide;
        }
        return images.stream()
                .filter(r -> r.name() != null && FULL_SIZE.contains(r.name().toLowerCase(Locale.ROOT)))
                .findFirst().or(() -> images.stream().findFirst());
    }
}
