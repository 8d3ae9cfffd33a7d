package org.peertel.remote;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.peertel.ServerProcesses;

/**
 * A real ActiveMQ Artemis broker ({@link ArtemisBrokerMain}) in a JVM of its own on a free loopback port, for the tests
 * of remote partitioning: a JVM of its own so that a test can stop and restart it, or kill it, as it would a broker
 * on another machine. Its journal lives in the given data folder; its output (stdout and stderr, every start
 * appended) in {@code <data folder>.log} beside that folder, which {@link #log()} returns for a failure message.
 *
 * <p>The child JVM runs on the test class path: {@code target/test-classes}, {@code target/classes} and the jars Maven
 * lists in {@code target/test.classpath} (pom.xml, phase process-test-classes, which every {@code mvn test} runs).
 * {@link #close()} stops the process and waits for its end, so nothing is left listening.
 */
public final class ArtemisBroker implements AutoCloseable {

    static final Duration READY_WITHIN = Duration.ofSeconds(60);
    static final Duration STOP_WITHIN = Duration.ofSeconds(10);
    static final int START_ATTEMPTS = 3;

    private static final Path TARGET = Path.of("target");
    private static final Path TEST_CLASS_PATH = TARGET.resolve("test.classpath");

    private final Path dataFolder;
    private final int maxDeliveryAttempts;
    private final Path log;
    private final int port;
    private final Thread stopAtExit;
    private volatile Process process;

    private ArtemisBroker(Path dataFolder, int maxDeliveryAttempts, Path log, int port, Process process) {
        this.dataFolder = dataFolder;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.log = log;
        this.port = port;
        this.process = process;
        // Only for a JVM that ends without close() (a test killed halfway): no broker outlives it.
        this.stopAtExit = new Thread(
                () -> {
                    Process current = this.process;
                    if (current != null) {
                        current.destroyForcibly();
                    }
                },
                "stop-artemis-" + port);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** {@link #start(Path, int)} with {@value ArtemisBrokerMain#DEFAULT_MAX_DELIVERY_ATTEMPTS} delivery attempts. */
    public static ArtemisBroker start(Path dataFolder) throws IOException, InterruptedException {
        return start(dataFolder, ArtemisBrokerMain.DEFAULT_MAX_DELIVERY_ATTEMPTS);
    }

    /**
     * Starts a broker whose journal lives in {@code dataFolder} (created if missing; a folder a broker used before
     * gives its undelivered messages back) and returns once it accepts connections. A message is dead-lettered after
     * {@code maxDeliveryAttempts} deliveries. A port taken between choosing it and the broker binding it is retried
     * with another.
     *
     * @throws IllegalStateException if the broker is not ready within 60 s or ends before; the message holds its output
     */
    public static ArtemisBroker start(Path dataFolder, int maxDeliveryAttempts)
            throws IOException, InterruptedException {
        Path data = Files.createDirectories(dataFolder).toAbsolutePath();
        Path log = data.resolveSibling(data.getFileName() + ".log");
        for (int attempt = 1; ; attempt++) {
            int port = ServerProcesses.freePort();
            try {
                return new ArtemisBroker(
                        data, maxDeliveryAttempts, log, port, launch(data, maxDeliveryAttempts, log, port));
            } catch (PortTaken e) {
                if (attempt == START_ATTEMPTS) {
                    throw new IllegalStateException(e.getMessage());
                }
            }
        }
    }

    /** {@code tcp://127.0.0.1:PORT}, the URL for {@code ActiveMQConnectionFactory}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The process id of the broker's JVM, for a test to check that {@link #stop()} ended it. */
    public long pid() {
        return process.pid();
    }

    public Path dataFolder() {
        return dataFolder;
    }

    /** The broker's output since the first start, every start and stop included. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read the broker's log " + log, e);
        }
    }

    /**
     * Stops the broker (SIGTERM, so it closes its journal; SIGKILL if it has not ended after 10 s) and waits until the
     * process has ended, so its port is free when this returns. Does nothing if it is stopped already.
     */
    public void stop() {
        stop(process);
    }

    /** Stops the broker if it runs, then starts it again on the same port and data folder; returns once it is ready. */
    public void restart() throws IOException, InterruptedException {
        stop();
        try {
            process = launch(dataFolder, maxDeliveryAttempts, log, port);
        } catch (PortTaken e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook is harmless now that the process has ended
        }
    }

    /** Starts the broker's JVM and waits for its ready line; a broker that did not get ready is stopped. */
    private static Process launch(Path data, int maxDeliveryAttempts, Path log, int port)
            throws IOException, InterruptedException, PortTaken {
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(
                java.toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                testClassPath(),
                ArtemisBrokerMain.class.getName(),
                Integer.toString(port),
                data.toString(),
                Integer.toString(maxDeliveryAttempts));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        String ready = ArtemisBrokerMain.READY + "tcp://127.0.0.1:" + port;
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        try {
            while (true) {
                String output = output(log, logStart);
                if (output.lines().anyMatch(ready::equals)) {
                    return process;
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String end = process.isAlive()
                            ? "was not ready after " + READY_WITHIN.toSeconds() + " s"
                            : "exited with code " + process.exitValue() + " before it was ready";
                    stop(process);
                    String message = "Artemis broker on port " + port + " " + end + "; its output (" + log + "):\n"
                            + output(log, logStart);
                    if (output.contains("Address already in use")) {
                        throw new PortTaken(message);
                    }
                    throw new IllegalStateException(message);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException | RuntimeException e) {
            stop(process); // an interrupted start leaves nothing running either
            throw e;
        }
    }

    private static void stop(Process process) {
        ServerProcesses.stop(process, STOP_WITHIN);
    }

    /** target/test-classes, target/classes, then the test dependencies' jars Maven listed in target/test.classpath. */
    static String testClassPath() {
        if (!Files.isRegularFile(TEST_CLASS_PATH)) {
            throw new IllegalStateException(TEST_CLASS_PATH.toAbsolutePath()
                    + " is missing: run `mvn process-test-classes` (every `mvn test` does), which writes it");
        }
        try {
            List<String> entries = new ArrayList<>();
            entries.add(TARGET.resolve("test-classes").toAbsolutePath().toString());
            entries.add(TARGET.resolve("classes").toAbsolutePath().toString());
            entries.add(
                    Files.readString(TEST_CLASS_PATH, StandardCharsets.UTF_8).trim());
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read " + TEST_CLASS_PATH, e);
        }
    }

    /** What the log holds from {@code from} on (this start's output). */
    private static String output(Path log, long from) {
        try {
            byte[] all = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
            int start = (int) Math.min(from, all.length);
            return new String(all, start, all.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read the broker's log " + log, e);
        }
    }

    /** The broker could not bind its port: another process took it after {@link ServerProcesses#freePort()} chose it. */
    private static final class PortTaken extends Exception {
        PortTaken(String message) {
            super(message);
        }
    }
}
