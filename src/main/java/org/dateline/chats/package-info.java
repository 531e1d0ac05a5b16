/**
 * Chats: one room per published article and topic rooms per edition, messages with replies, reactions, the rooms a
 * reader follows with their unread counts, deep links to messages, and live delivery over WebSocket.
 * <p>
 * API: {@link org.dateline.chats.ChatQueries} (read side, used by the site to render the conversation under an
 * article), the write use cases {@link org.dateline.chats.PostMessage}, {@link org.dateline.chats.EditMessage},
 * {@link org.dateline.chats.DeleteMessage}, {@link org.dateline.chats.ReactToMessage},
 * {@link org.dateline.chats.MarkRead}, {@link org.dateline.chats.FollowRoom}, {@link org.dateline.chats.CreateTopicRoom}, {@link org.dateline.chats.ReportMessage},
 * {@link org.dateline.chats.ModerateChats} (hide, read-only rooms, room rules and titles, bans, reports queue, watched words, audit log),
 * {@link org.dateline.chats.ModerationQueries} (what the moderators' pages under {@code /newsroom/moderation} read),
 * the rules in
 * {@link org.dateline.chats.ChatPolicy} and {@link org.dateline.chats.MessageText}, and the surrogate keys in
 * {@link org.dateline.chats.ChatKeys}.
 * <p>
 * Every stored message, edit, deletion and reaction change is appended to the change log in the transaction that stores it
 * ({@code chat.message}, {@code chat.edited}, {@code chat.deleted}, {@code chat.reaction}, {@code chat.room},
 * {@code chat.ban}); each node's {@code ChatDelivery} listens to the log and pushes to its open sockets (a ban only to
 * the banned reader's), and the site's page cache evicts the article page by the {@code chat:article:<id>} key and
 * the edition's list of topic rooms ({@code /{edition}/chat}) by {@code chat:topics:<edition>}. New messages share
 * their transactions' commits and are written as batches ({@code MessageWriter}). Posts are checked against rooms and
 * bans kept in memory ({@code ChatRules}), forgotten on the change log's {@code chat.room}, {@code chat.ban} and
 * {@code article.*} changes (at the commit on the node that made them). Consumes {@code ContentQueries} (is the
 * article live?), {@code Accounts} (is the reader active?) and {@code LoginSessions} (does a socket's login session
 * still stand, and for which account?).
 * <p>
 * Pages: {@code /account/chats} (the rooms a reader follows, unfollowing) and {@code /account/chats/write} (posting
 * without JavaScript), built with identity's {@code ReaderPages}. A logged-in reader's page posts over its socket
 * ({@code {"type":"post"}}, the same use case as the API); live unread counts go over the same socket, kept in memory
 * per node ({@code ReaderInboxes}).
 * <p>
 * Inside, one class per responsibility: a repository per table ({@code JdbcRooms}, {@code JdbcMessages},
 * {@code JdbcReactions}, {@code JdbcMemberships}; public only for the use cases above) with {@code ChatReads}
 * answering {@code ChatQueries}; the socket's handler ({@code ChatSockets}), its wire format ({@code ChatProtocol},
 * {@code ClientFrame} and {@code ServerFrame} records), {@code SocketRegistry}, {@code CatchUp}, {@code SocketPosts},
 * {@code ChatDelivery} and {@code SocketHeartbeat}; the settings in {@code ChatSettings} ({@code dateline.chats.*}).
 * URLs come from {@link org.dateline.content.ChatPaths}.
 */
package org.dateline.chats;
