package org.dateline.chats.internal;

/**
 * Where the write page's message goes: the room, or the article whose room the first message opens, with the name
 * and address of the conversation. Public for the template.
 */
public record WriteTarget(Long articleId, Long roomId, String title, String url) {
}
