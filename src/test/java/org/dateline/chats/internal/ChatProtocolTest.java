package org.dateline.chats.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Client frames read into their records, as leniently as the socket always read them. */
class ChatProtocolTest {

    private final ChatProtocol protocol = new ChatProtocol(Frames.JSON);

    @Test
    void readsASubscribeFrame() {
        assertThat(protocol.read("{\"type\":\"subscribe\",\"room\":7,\"since\":3310}"))
                .isEqualTo(new ClientFrame.Subscribe(7, 0, 3310, -1));
        assertThat(protocol.read("{\"type\":\"subscribe\",\"article\":42,\"since\":0,\"after\":12}"))
                .isEqualTo(new ClientFrame.Subscribe(0, 42, 0, 12));
    }

    @Test
    void readsAPositionBelowZeroAsZeroAndAnAbsentOneAsLiveOnly() {
        assertThat(protocol.read("{\"type\":\"subscribe\",\"room\":7,\"since\":-5}"))
                .isEqualTo(new ClientFrame.Subscribe(7, 0, 0, -1));
        assertThat(protocol.read("{\"type\":\"subscribe\",\"room\":7,\"since\":\"x\"}"))
                .isEqualTo(new ClientFrame.Subscribe(7, 0, 0, -1));
    }

    @Test
    void readsAnUnsubscribeFrame() {
        assertThat(protocol.read("{\"type\":\"unsubscribe\",\"room\":7}")).isEqualTo(new ClientFrame.Unsubscribe(7, 0));
        assertThat(protocol.read("{\"type\":\"unsubscribe\",\"article\":42}"))
                .isEqualTo(new ClientFrame.Unsubscribe(0, 42));
    }

    @Test
    void readsAPingFrame() {
        assertThat(protocol.read("{\"type\":\"ping\"}")).isEqualTo(new ClientFrame.Ping());
    }

    @Test
    void readsAnInboxFrameWithOrWithoutDetails() {
        assertThat(protocol.read("{\"type\":\"inbox\"}")).isEqualTo(new ClientFrame.Inbox(false));
        assertThat(protocol.read("{\"type\":\"inbox\",\"details\":true}")).isEqualTo(new ClientFrame.Inbox(true));
        assertThat(protocol.read("{\"type\":\"inbox\",\"details\":\"yes\"}")).isEqualTo(new ClientFrame.Inbox(false));
    }

    @Test
    void readsAPostFrame() {
        assertThat(protocol.read("{\"type\":\"post\",\"ref\":\"c1\",\"room\":7,\"body\":\"Hi\",\"replyTo\":null}"))
                .isEqualTo(new ClientFrame.Post("c1", 7, 0, "Hi", 0));
        assertThat(protocol.read("{\"type\":\"post\",\"ref\":\"c2\",\"article\":42,\"body\":\"Hi\",\"replyTo\":5}"))
                .isEqualTo(new ClientFrame.Post("c2", 0, 42, "Hi", 5));
    }

    @Test
    void readsAPostWithoutRefOrTextBodyAsEmptyRefAndNoBody() {
        assertThat(protocol.read("{\"type\":\"post\",\"room\":7,\"body\":12}"))
                .isEqualTo(new ClientFrame.Post("", 7, 0, null, 0));
        assertThat(protocol.read("{\"type\":\"post\",\"room\":7,\"body\":{\"text\":\"Hi\"}}"))
                .isEqualTo(new ClientFrame.Post("", 7, 0, null, 0));
    }

    @Test
    void cutsAnOversizeRef() {
        ClientFrame frame = protocol.read("{\"type\":\"post\",\"ref\":\"" + "r".repeat(500) + "\",\"room\":7}");
        assertThat(((ClientFrame.Post) frame).ref()).isEqualTo("r".repeat(ChatProtocol.MAX_REF_LENGTH));
    }

    @Test
    void readsNumbersSentAsTextAndNoOtherTypeAsANumber() {
        assertThat(protocol.read("{\"type\":\"subscribe\",\"room\":\"7\"}"))
                .isEqualTo(new ClientFrame.Subscribe(7, 0, -1, -1));
        assertThat(protocol.read("{\"type\":\"subscribe\",\"room\":true}"))
                .isEqualTo(new ClientFrame.Subscribe(0, 0, -1, -1));
        assertThat(protocol.read("{\"type\":\"subscribe\",\"room\":[7]}"))
                .isEqualTo(new ClientFrame.Subscribe(0, 0, -1, -1));
        assertThat(protocol.read("{\"type\":\"subscribe\",\"room\":\"seven\"}"))
                .isEqualTo(new ClientFrame.Subscribe(0, 0, -1, -1));
    }

    @Test
    void refusesAFrameThatIsNotJson() {
        assertThat(protocol.read("{\"type\":")).isEqualTo(new ClientFrame.Unreadable("malformed_frame"));
        assertThat(protocol.read("not json")).isEqualTo(new ClientFrame.Unreadable("malformed_frame"));
    }

    @Test
    void refusesAFrameOfUnknownType() {
        assertThat(protocol.read("{\"type\":\"shout\"}")).isEqualTo(new ClientFrame.Unreadable("unknown_type"));
        assertThat(protocol.read("{\"room\":7}")).isEqualTo(new ClientFrame.Unreadable("unknown_type"));
        assertThat(protocol.read("{\"type\":5}")).isEqualTo(new ClientFrame.Unreadable("unknown_type"));
        assertThat(protocol.read("[\"subscribe\"]")).isEqualTo(new ClientFrame.Unreadable("unknown_type"));
    }

    @Test
    void letsTheContainerRefuseAFrameOverFourKilobytes() {
        assertThat(ChatProtocol.MAX_FRAME).isEqualTo(4096);
    }
}
