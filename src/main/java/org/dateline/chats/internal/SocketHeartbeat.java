package org.dateline.chats.internal;

import java.io.IOException;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.PingMessage;

/**
 * Keeps idle chat sockets open through proxies, and finds the dead ones: each socket is pinged every
 * {@link #SLOTS} seconds, a slot of them each second. Pinging all at once made every client answer at once, and with
 * thousands of sockets that burst delayed the messages being delivered.
 */
@Component
class SocketHeartbeat {

    static final int SLOTS = 25;

    private final SocketRegistry sockets;
    private long beats; // the scheduler's thread only

    SocketHeartbeat(SocketRegistry sockets) {
        this.sockets = sockets;
    }

    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void beat() {
        int slot = (int) (beats++ % SLOTS);
        for (Subscriber subscriber : sockets.all()) {
            if (Math.floorMod(subscriber.id().hashCode(), SLOTS) != slot) {
                continue;
            }
            try {
                subscriber.session.sendMessage(new PingMessage());
            } catch (IOException | RuntimeException gone) {
                sockets.drop(subscriber);
            }
        }
    }
}
