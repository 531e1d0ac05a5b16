package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** Every socket gets every frame of its audience once, in the order the changes came; a gone one is reported. */
class FanOutTest {

    /** A socket that keeps what it was sent, and which thread wrote it. */
    private record Socket(int lane, boolean gone, List<String> frames, Set<String> writers) implements FanOut.Target {
        Socket(int lane, boolean gone) {
            this(lane, gone, Collections.synchronizedList(new ArrayList<>()), ConcurrentHashMap.newKeySet());
        }

        @Override
        public boolean send(TextMessage frame) {
            if (gone) {
                return false;
            }
            frames.add(frame.getPayload());
            writers.add(Thread.currentThread().getName());
            return true;
        }
    }

    @Test
    void eachSocketGetsItsFramesInOrderFromItsOwnLane() {
        Set<FanOut.Target> dropped = ConcurrentHashMap.newKeySet();
        FanOut fanOut = new FanOut(3, dropped::add);
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sockets.add(new Socket(i, i == 4));
        }
        fanOut.start("test-send");
        for (int n = 0; n < 2_000; n++) { // a frame for the even sockets, then one for all, and so on
            List<Socket> audience = n % 2 == 0 ? sockets.stream().filter(s -> s.lane() % 2 == 0).toList() : sockets;
            fanOut.send(audience, new TextMessage("frame " + n));
        }
        fanOut.stop(); // writes what the lanes hold first

        for (Socket socket : sockets) {
            if (socket.gone()) {
                assertThat(socket.frames()).isEmpty();
                continue;
            }
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < 2_000; n++) {
                if (n % 2 == 1 || socket.lane() % 2 == 0) {
                    expected.add("frame " + n);
                }
            }
            assertThat(socket.frames()).containsExactlyElementsOf(expected);
            assertThat(socket.writers()).containsExactly("test-send-" + socket.lane() % 3);
        }
        assertThat(dropped).containsExactly(sockets.get(4));
        // the even ones but the gone one get every frame, the odd ones every other
        assertThat(fanOut.delivered()).isEqualTo(4 * 2_000 + 5 * 1_000);
    }

    @Test
    void framesAreWrittenOnTheCallersThreadWhenTheLanesAreNotRunning() {
        FanOut fanOut = new FanOut(2, gone -> { });
        Socket socket = new Socket(1, false);
        fanOut.send(List.of(socket), new TextMessage("before start"));
        assertThat(socket.frames()).containsExactly("before start");
        assertThat(socket.writers()).containsExactly(Thread.currentThread().getName());
    }
}
