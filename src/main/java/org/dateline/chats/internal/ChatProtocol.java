package org.dateline.chats.internal;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat socket's wire format, JSON text frames through the application's mapper: client frames read into
 * {@link ClientFrame}s, {@link ServerFrame}s written as text. A client frame is read leniently, as it always was: a
 * number may come as text ({@code "7"}), and a value of another type reads as absent.
 */
@Component
class ChatProtocol {

    /** The largest client frame, in characters: the container refuses a larger one and closes the socket. */
    static final int MAX_FRAME = 4096;
    static final int MAX_REF_LENGTH = 64;

    private final JsonMapper json;

    ChatProtocol(JsonMapper json) {
        this.json = json;
    }

    ClientFrame read(String payload) {
        JsonNode frame;
        try {
            frame = json.readTree(payload);
        } catch (JacksonException malformed) {
            return new ClientFrame.Unreadable("malformed_frame");
        }
        return switch (frame.path("type").asString("")) {
            case "subscribe" -> new ClientFrame.Subscribe(number(frame, "room"), number(frame, "article"),
                    position(frame, "since"), position(frame, "after"));
            case "unsubscribe" -> new ClientFrame.Unsubscribe(number(frame, "room"), number(frame, "article"));
            case "ping" -> new ClientFrame.Ping();
            case "inbox" -> new ClientFrame.Inbox(frame.path("details").asBoolean(false));
            case "post" -> post(frame);
            default -> new ClientFrame.Unreadable("unknown_type");
        };
    }

    /** One frame's text, for as many sockets as it goes to. */
    TextMessage write(ServerFrame frame) {
        return new TextMessage(json.writeValueAsString(frame));
    }

    private static ClientFrame.Post post(JsonNode frame) {
        String ref = frame.path("ref").asString("");
        JsonNode body = frame.path("body");
        return new ClientFrame.Post(ref.length() > MAX_REF_LENGTH ? ref.substring(0, MAX_REF_LENGTH) : ref,
                number(frame, "room"), number(frame, "article"), body.isString() ? body.asString() : null,
                number(frame, "replyTo"));
    }

    private static long number(JsonNode frame, String field) {
        return frame.path(field).asLong(0);
    }

    /** Present (0 or more): from there on; absent: -1. */
    private static long position(JsonNode frame, String field) {
        return frame.has(field) ? Math.max(0, number(frame, field)) : -1;
    }
}
