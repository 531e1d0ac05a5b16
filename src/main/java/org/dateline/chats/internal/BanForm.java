package org.dateline.chats.internal;

/**
 * The ban form as sent, to fill it in again: the reader (account number or email address), the room and whether the
 * ban is for it alone ({@code scope} "room") or everywhere ("all"), the term ({@link BanTerm}), the custom end, the
 * reason. Public only because the compiled templates live in another package.
 */
public record BanForm(String account, Long room, String scope, String term, String until, String reason) {
}
