package org.peertel.remote;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An ActiveMQ Artemis broker for the tests, run in a JVM of its own by {@link ArtemisBroker}: one acceptor on
 * {@code tcp://127.0.0.1:PORT} (loopback only), messages persisted in a journal under the data folder (so a broker
 * started again on the same folder still holds what was not delivered), no security, no JMX, no cluster.
 *
 * <p>Arguments: {@code PORT DATA_FOLDER [MAX_DELIVERY_ATTEMPTS]} (default 3). Every address dead-letters to
 * {@value #DEAD_LETTER_ADDRESS} after that many deliveries, at once (no redelivery delay), into a queue the broker
 * creates per original queue ({@code DLQ.<queue>}). Prints {@code artemis ready tcp://127.0.0.1:PORT} once it accepts
 * connections; SIGTERM stops it cleanly (the journal closed), and it exits with 1 if the broker stops by itself.
 */
public final class ArtemisBrokerMain {

    /** What the line on standard output starts with once the broker accepts connections; the URL follows. */
    public static final String READY = "artemis ready ";

    public static final String DEAD_LETTER_ADDRESS = "DLA";

    /** What the broker prefixes a queue's name with to name its queue on {@link #DEAD_LETTER_ADDRESS}. */
    public static final String DEAD_LETTER_QUEUE_PREFIX = "DLQ.";

    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 3;

    static final String ACCEPTOR = "tcp";

    private static volatile boolean stopping;

    private ArtemisBrokerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ArtemisBrokerMain PORT DATA_FOLDER [MAX_DELIVERY_ATTEMPTS]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String url = "tcp://127.0.0.1:" + port;
        Path data = Path.of(args[1]).toAbsolutePath();
        int maxDeliveryAttempts = args.length == 3 ? Integer.parseInt(args[2]) : DEFAULT_MAX_DELIVERY_ATTEMPTS;

        EmbeddedActiveMQ broker =
                new EmbeddedActiveMQ().setConfiguration(configuration(url, data, maxDeliveryAttempts));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping = true;
                            try {
                                broker.stop();
                                System.out.println("artemis stopped");
                            } catch (Exception e) {
                                e.printStackTrace();
                            }
                        },
                        "stop-artemis"));
        broker.start();
        // start() returns, and the acceptor says it is started, even when it could not bind the port (the error is
        // only logged): only the port it bound tells
        NettyAcceptor acceptor =
                (NettyAcceptor) broker.getActiveMQServer().getRemotingService().getAcceptor(ACCEPTOR);
        if (acceptor.getActualPort() != port) {
            System.err.println("artemis: Address already in use: the acceptor could not bind " + url);
            System.exit(1);
        }
        System.out.println(READY + url);
        System.out.flush();
        while (broker.getActiveMQServer().isStarted() || stopping) {
            Thread.sleep(500);
        }
        System.err.println("artemis: the broker stopped by itself");
        System.exit(1);
    }

    static Configuration configuration(String url, Path data, int maxDeliveryAttempts) throws Exception {
        return new ConfigurationImpl()
                .setName("peertel-test-broker")
                .setPersistenceEnabled(true)
                // plain Java file IO: no libaio needed, the same on every machine
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                // 1 MiB journal files instead of 10 MiB: a test broker holds a few messages
                .setJournalFileSize(1024 * 1024)
                .setJournalMinFiles(2)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                // a full disk of a build machine must not block producers, and a loaded one must not halt the broker
                .setMaxDiskUsage(-1)
                .setCriticalAnalyzer(false)
                // Netty's event loops end without a quiet period: a SIGTERM stops the broker in about 1 s instead of 2
                .addAcceptorConfiguration(ACCEPTOR, url + "?quietPeriod=0&shutdownTimeout=0")
                .addAddressSetting(
                        "#",
                        new AddressSettings()
                                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                                .setAutoCreateDeadLetterResources(true)
                                .setRedeliveryDelay(0)
                                .setAutoCreateQueues(true)
                                .setAutoCreateAddresses(true));
    }
}
