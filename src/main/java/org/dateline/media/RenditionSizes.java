package org.dateline.media;

import java.util.OptionalLong;

/**
 * What renditions weigh, for formats that must state it (an RSS enclosure's {@code length}). A rendition this node
 * lacks is made now, as a request for it would make it; the answer is empty when the picture does not offer it.
 */
public interface RenditionSizes {

    OptionalLong byteLength(PictureRendition rendition);
}
