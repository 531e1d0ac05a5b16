package org.dateline.alerts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A gate in front of a real SMTP server (GreenMail) for the tests of what the mail server answers: while
 * {@link #down} it closes every connection at once (a server that is away); a recipient whose address contains
 * {@code bounce} gets {@code 550} to its {@code RCPT TO} (an address that does not exist). Everything else passes to
 * the server and back unchanged, line by line.
 */
final class SmtpGate implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    volatile boolean down;
    /** How long the server seems to take over each mail's data: a slow server, to stop a node in the middle. */
    volatile long delayMillis;

    SmtpGate(int target) {
        this.target = target;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "smtp-gate");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Thread relay = new Thread(() -> relay(client), "smtp-gate-relay");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
            BufferedReader fromClient = reader(client);
            BufferedReader fromServer = reader(upstream);
            OutputStream toClient = client.getOutputStream();
            OutputStream toServer = upstream.getOutputStream();
            reply(fromServer, toClient); // greeting
            String line;
            while ((line = fromClient.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("RCPT TO:") && command.contains("BOUNCE")) {
                    write(toClient, "550 5.1.1 No such user here");
                    continue;
                }
                write(toServer, line);
                if (command.equals("DATA")) {
                    if (!reply(fromServer, toClient).startsWith("354")) {
                        continue;
                    }
                    String data;
                    while ((data = fromClient.readLine()) != null) {
                        if (data.equals(".") && delayMillis > 0) {
                            try {
                                Thread.sleep(delayMillis);
                            } catch (InterruptedException stopped) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        write(toServer, data);
                        if (data.equals(".")) {
                            break;
                        }
                    }
                }
                reply(fromServer, toClient);
                if (command.equals("QUIT")) {
                    return;
                }
            }
        } catch (IOException gone) {
            // either side hung up
        }
    }

    /** Passes one reply (all its lines) from the server to the client; returns its last line. */
    private static String reply(BufferedReader from, OutputStream to) throws IOException {
        String line;
        do {
            line = from.readLine();
            if (line == null) {
                throw new IOException("server hung up");
            }
            write(to, line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
