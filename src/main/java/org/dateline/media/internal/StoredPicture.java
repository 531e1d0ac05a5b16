package org.dateline.media.internal;

import java.time.Instant;

/** A new row of the library, its fields already checked. */
public record StoredPicture(String originalKey, String mediaType, int width, int height, long byteSize, String fileName,
                     ValidFields fields, Instant takenAt, Long createdBy, String createdByName, String source,
                     String wireGuid, Long wireVersion) {
}
