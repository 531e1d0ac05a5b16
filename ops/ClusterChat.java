import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A chat exchange through the proxy, for ops/cluster-on-loopback.sh: two logged-in readers open the chat socket
 * ({@code wss://…/ws/chats}), each pinned to another node by the script's {@code X-Dateline-Node} header, subscribe to
 * an article's room, and each posts a message that the other must receive. JDK only, run as a single source file:
 * {@code java -Djavax.net.ssl.trustStore=… ops/ClusterChat.java BASE ARTICLE COOKIES_A COOKIES_B}.
 * Exits 1 when a frame does not come within 10 seconds.
 */
public class ClusterChat {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long article = Long.parseLong(args[1]);
        String nonce = Long.toString(System.nanoTime(), 36);
        try (Reader onA = new Reader(base, "a", args[2]); Reader onB = new Reader(base, "b", args[3])) {
            for (Reader reader : new Reader[] {onA, onB}) {
                reader.send("{\"type\":\"subscribe\",\"article\":" + article + "}");
                reader.await("\"type\":\"subscribed\"");
            }
            exchange(onA, onB, article, "Hello from node a " + nonce);
            exchange(onB, onA, article, "Hello back from node b " + nonce);
        }
    }

    private static void exchange(Reader from, Reader to, long article, String text) throws InterruptedException {
        long start = System.nanoTime();
        from.send("{\"type\":\"post\",\"ref\":\"" + from.node + "\",\"article\":" + article + ",\"body\":\"" + text
                + "\"}");
        from.await("\"type\":\"posted\",\"ref\":\"" + from.node + "\"");
        to.await("\"text\":\"" + text + "\"");
        System.out.printf("chat: '%s' posted through node %s, received through node %s in %d ms%n", text,
                from.node, to.node, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private static final class Reader implements AutoCloseable {

        final String node;
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final WebSocket socket;

        Reader(String base, String node, String cookies) {
            this.node = node;
            StringBuilder partial = new StringBuilder();
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .header("Cookie", cookies).header("Origin", base).header("X-Dateline-Node", node)
                    .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/ws/chats"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                frames.add(partial.toString());
                                partial.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).join();
        }

        void send(String frame) {
            socket.sendText(frame, true).join();
        }

        /** The next frame that contains the text, skipping others. */
        void await(String wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame != null && frame.contains("\"type\":\"refused\"")) {
                    fail("node " + node + " refused: " + frame);
                }
                if (frame != null && frame.contains(wanted)) {
                    return;
                }
            }
            fail("node " + node + ": no frame with " + wanted + " within 10 s");
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    private static void fail(String why) {
        System.err.println("chat: FAILED: " + why);
        System.exit(1);
    }
}
