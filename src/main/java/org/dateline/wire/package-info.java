/**
 * Wire copy in: NewsML-G2 (newsItem, newsMessage), IPTC ninjs 1.x-3.x and RSS/Atom read into one shape,
 * {@link org.dateline.wire.WireItem}, with plain-text paragraphs as Dateline stores bodies, and their pictures
 * ({@link org.dateline.wire.WirePicture}, {@link org.dateline.wire.WireRendition},
 * {@link org.dateline.wire.PictureRef}).
 * <p>
 * API: {@link org.dateline.wire.WireFormats} (pure parsing, no database, no beans), the values
 * {@link org.dateline.wire.WireItem}, {@link org.dateline.wire.ParseResult}, {@link org.dateline.wire.ParseError}
 * (stable codes in {@link org.dateline.wire.ParseError.Codes}), {@link org.dateline.wire.PubStatus},
 * {@link org.dateline.wire.ItemKind}. Bad input never throws: the result names each problem, and one bad item in a
 * batch leaves the good ones. {@link org.dateline.wire.WireIngest} puts items into the newsroom (drafts on the
 * Incoming desk, de-duplicated by guid and version) from three transports: HTTP push, the watched folder and polled
 * feeds ({@link org.dateline.wire.WireFeeds}, polled once per cluster with conditional requests and backoff).
 * Pictures go into the picture library through the media module's use cases (fetched from their best rendition,
 * versioned by guid, withdrawn when cancelled), and a story's lead picture becomes its draft's.
 * Publishes and consumes no events yet.
 */
package org.dateline.wire;
