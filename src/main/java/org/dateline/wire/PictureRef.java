package org.dateline.wire;

/**
 * A text item's picture: one delivered in the same document, named by its guid (it is among
 * {@link ParseResult#pictures()}), or one the text item describes itself (ninjs associations, feed media, a
 * package's reference to a picture that came with an address but not in the document).
 *
 * @param guid   the picture's guid
 * @param inline the picture as described with the text item, or {@code null} when only the guid is known
 * @param role   {@code lead} for the story's main picture (at most one per item, and first), else the provider's
 *               name for the association or {@code body}
 */
public record PictureRef(String guid, WirePicture inline, String role) {

    public static final String LEAD = "lead";
    public static final String BODY = "body";

    public boolean isLead() {
        return LEAD.equals(role);
    }
}
