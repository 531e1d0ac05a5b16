package org.dateline.chats.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Socket sessions for tests without a server: open, and keeping the text of every frame sent to them. */
final class RecordingSessions {

    private RecordingSessions() {
    }

    static WebSocketSession recording(List<String> received, Map<String, Object> attributes) {
        WebSocketSession session = mock(WebSocketSession.class);
        when(session.getId()).thenReturn("socket-" + System.nanoTime());
        when(session.isOpen()).thenReturn(true);
        when(session.getAttributes()).thenReturn(attributes);
        try {
            doAnswer(call -> received.add(((TextMessage) call.getArgument(0)).getPayload())).when(session)
                    .sendMessage(any(TextMessage.class));
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        return session;
    }
}
