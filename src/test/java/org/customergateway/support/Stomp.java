package org.customergateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A STOMP 1.2 client over a plain socket, frame by frame, as any STOMP library would speak to the broker. */
public final class Stomp implements AutoCloseable {

    private final Socket socket;

    public Stomp(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CONNECT with this login and passcode (none when null); the broker's answer frame. */
    public String connect(String login, String passcode) {
        send("CONNECT\naccept-version:1.2\nhost:localhost\n"
                + (passcode == null ? "" : "login:" + login + "\npasscode:" + passcode + "\n") + "\n");
        return read();
    }

    /** One frame: its command, headers, a blank line and the body; the NUL is added. */
    public void send(String frame) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One frame, up to its NUL; heart-beat newlines between frames are skipped. */
    public String read() {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1; ) {
                if (b == 0) {
                    return frame.toString(StandardCharsets.UTF_8);
                }
                if (frame.size() == 0 && (b == '\n' || b == '\r')) {
                    continue;
                }
                frame.write(b);
            }
            return frame.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
