package org.dateline.media;

/** {@code ACTIVE} pictures are shown; a {@code WITHDRAWN} one (its provider cancelled it) is shown nowhere. */
public enum PictureState {
    ACTIVE,
    WITHDRAWN
}
