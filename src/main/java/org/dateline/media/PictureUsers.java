package org.dateline.media;

import java.util.List;

/**
 * Who shows a picture. Implemented by the module that keeps stories ({@code content}), which depends on this one, so
 * the dependency never points back; without an implementation no picture is in use.
 */
public interface PictureUsers {

    /** Stories that show the picture or would on publication: every state but killed and unpublished. */
    List<PictureUse> usesOf(long pictureId);
}
