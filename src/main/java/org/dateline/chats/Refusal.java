package org.dateline.chats;

/** Why a chat action was not done. The code is the contract with clients; the web layer maps each to a status. */
public enum Refusal {
    LOGIN_REQUIRED("login_required", "Log in to take part in the discussion."),
    ACCOUNT_INACTIVE("account_inactive", "This account is deactivated."),
    BANNED("banned", "You may not post in this room at the moment."),
    NOT_ALLOWED("not_allowed", "You may not do that."),
    EDIT_WINDOW_CLOSED("edit_window_closed", "Messages can be changed only within a few minutes of posting."),
    ROOM_NOT_FOUND("room_not_found", "There is no such room."),
    ARTICLE_REMOVED("article_removed", "The story of this conversation is no longer on the site."),
    ROOM_READ_ONLY("room_read_only", "This conversation is closed."),
    MESSAGE_NOT_FOUND("message_not_found", "There is no such message."),
    REPLY_NOT_FOUND("reply_not_found", "The message you reply to is not in this room."),
    EMPTY("message_empty", "Write something first."),
    TOO_LONG("message_too_long", "A message can have at most " + MessageText.MAX_LENGTH + " characters."),
    INVALID_CHARACTERS("message_invalid_characters", "The message contains characters that cannot be posted."),
    UNKNOWN_REACTION("unknown_reaction", "Choose one of the six reactions."),
    INVALID_TOPIC("invalid_topic", "A topic room needs a slug (a-z, 0-9, -) and a title of 1 to 200 characters."),
    SLUG_TAKEN("slug_taken", "A room with this slug exists in this edition."),
    NOT_A_TOPIC("not_a_topic_room", "Only a topic room is renamed: an article's room bears its story's headline."),
    UNKNOWN_EDITION("unknown_edition", "There is no such edition."),
    NOT_FOUND_BAN("ban_not_found", "There is no such ban in force."),
    ACCOUNT_NOT_FOUND("account_not_found", "There is no such account."),
    INVALID_BAN("invalid_ban", "A ban needs a reason of 1 to 500 characters and, if timed, a positive duration."),
    INVALID_REPORT("invalid_report", "Say in 1 to 500 characters what is wrong with the message."),
    INVALID_STATE("invalid_state", "Use one of the states the resource allows."),
    SLOW_MODE("slow_mode", "This room is in slow mode: wait a little before your next message."),
    INVALID_RULES("invalid_rules", "Slow mode is 0 to 3600 seconds."),
    INVALID_WORD("invalid_word", "A banned word or phrase has 2 to 100 characters."),
    NOT_HELD("message_not_held", "The message is not waiting for review."),
    RATE_LIMITED("rate_limited", "You are posting too fast. Wait a moment and try again.");

    private final String code;
    private final String message;

    Refusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
