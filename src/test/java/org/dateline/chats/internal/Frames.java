package org.dateline.chats.internal;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dateline.chats.MessageState;
import org.dateline.chats.MessageView;
import tools.jackson.databind.json.JsonMapper;

/** What the frame tests share: a mapper set up as the application's, and one message with its exact JSON text. */
final class Frames {

    /** As the application's mapper is set up ({@code spring.jackson.default-property-inclusion: non_null}). */
    static final JsonMapper JSON = JsonMapper.builder().changeDefaultPropertyInclusion(inclusion -> inclusion
            .withValueInclusion(JsonInclude.Include.NON_NULL).withContentInclusion(JsonInclude.Include.NON_NULL))
            .build();

    static final Instant AT = Instant.parse("2026-11-02T10:15:30.120Z");
    static final MessageView MESSAGE = new MessageView(5, 7, "en", 3, "Alice", "Hi <b>", "<p>Hi &lt;b&gt;</p>", null,
            AT, null, Map.of("like", 2), "/en/chat/m/5", MessageState.VISIBLE, null);
    /** {@link #MESSAGE} as the socket protocol has always written it. */
    static final String MESSAGE_JSON = "{\"id\":5,\"roomId\":7,\"edition\":\"en\",\"authorId\":3,"
            + "\"authorName\":\"Alice\",\"text\":\"Hi <b>\",\"html\":\"<p>Hi &lt;b&gt;</p>\","
            + "\"createdAt\":\"2026-11-02T10:15:30.120Z\",\"reactions\":{\"like\":2},\"permalink\":\"/en/chat/m/5\","
            + "\"state\":\"VISIBLE\"}";

    private Frames() {
    }
}
