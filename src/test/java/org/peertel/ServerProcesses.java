package org.peertel;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the tests that start a real server process (Alertmanager, the Artemis broker) share: its port and its stop. */
public final class ServerProcesses {

    private static final int PORT_ATTEMPTS = 3;

    private ServerProcesses() {}

    /**
     * A loopback port free a moment ago; another process may take it before the server binds it, so a caller starts
     * again on another one when the server says its address is in use.
     */
    public static int freePort() throws IOException {
        BindException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (BindException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Stops the process by its PID: SIGTERM, so it can close its files, then SIGKILL if it has not ended within
     * {@code within}; returns once it has ended, so its port is free. Keeps the caller's interrupt.
     */
    public static void stop(Process process, Duration within) {
        process.destroy();
        boolean interrupted = false;
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            process.destroyForcibly();
        }
        // A SIGKILL always ends it; wait for that end so that its port is free when this returns.
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
