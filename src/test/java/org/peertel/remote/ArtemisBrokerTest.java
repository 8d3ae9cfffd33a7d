package org.peertel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test broker against a real Artemis client: a message arrives with its text, a rolled-back one comes back with
 * its delivery count raised and after the last attempt lands on the dead-letter address, a persistent one outlives a
 * restart, a stopped broker leaves no process and no listening port, and one that cannot bind its port says so
 * instead of getting ready. One broker for the class (3 delivery attempts); the last two cases start their own.
 */
class ArtemisBrokerTest {

    static final int MAX_DELIVERY_ATTEMPTS = 3;
    static final long RECEIVE_WITHIN_MS = 5_000;

    @TempDir
    static Path work;

    static ArtemisBroker broker;

    /** A failing case shows what the broker wrote (its log file is in a temporary folder that goes away). */
    @RegisterExtension
    final TestWatcher showBrokerOutput = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println("broker output (" + broker.url() + "):\n" + broker.log());
        }
    };

    @BeforeAll
    static void startBroker() throws Exception {
        broker = ArtemisBroker.start(work.resolve("broker"), MAX_DELIVERY_ATTEMPTS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aSentMessageIsReceivedWithItsText() throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
                JMSContext context = factory.createContext()) {
            // given
            Queue queue = context.createQueue("q");

            // when
            context.createProducer().send(queue, "partition 1 of 4");

            // then
            Message received = context.createConsumer(queue).receive(RECEIVE_WITHIN_MS);
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("partition 1 of 4");
            assertThat(received.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }

    @Test
    void aRolledBackMessageComesBackThenGoesToTheDeadLetterAddressAfterTheLastAttempt() throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
                JMSContext sender = factory.createContext();
                JMSContext transacted = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            // given
            Queue queue = sender.createQueue("rolledBack");
            sender.createProducer().send(queue, "partition 2 of 4");
            JMSConsumer consumer = transacted.createConsumer(queue);

            // when: the first delivery is rolled back
            Message first = consumer.receive(RECEIVE_WITHIN_MS);
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            transacted.rollback();

            // then: the same message comes back, counted as its second delivery
            Message second = consumer.receive(RECEIVE_WITHIN_MS);
            assertThat(second.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
            assertThat(((TextMessage) second).getText()).isEqualTo("partition 2 of 4");
            assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            assertThat(second.getJMSRedelivered()).isTrue();
            transacted.rollback();

            // when: its last attempt is rolled back too
            Message last = consumer.receive(RECEIVE_WITHIN_MS);
            assertThat(last.getIntProperty("JMSXDeliveryCount")).isEqualTo(MAX_DELIVERY_ATTEMPTS);
            transacted.rollback();

            // then: it is on the dead-letter address, in the queue the broker made for this queue, and gone from it
            Queue deadLetters = sender.createQueue(ArtemisBrokerMain.DEAD_LETTER_ADDRESS + "::"
                    + ArtemisBrokerMain.DEAD_LETTER_QUEUE_PREFIX + "rolledBack");
            Message dead = sender.createConsumer(deadLetters).receive(RECEIVE_WITHIN_MS);
            assertThat(dead).isNotNull();
            assertThat(((TextMessage) dead).getText()).isEqualTo("partition 2 of 4");
            assertThat(dead.getStringProperty("_AMQ_ORIG_QUEUE")).isEqualTo("rolledBack");
            assertThat(consumer.receiveNoWait()).isNull();
            transacted.commit();
        }
    }

    @Test
    void anUndeliveredMessageOutlivesARestart() throws Exception {
        // given: a message nobody has received yet
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
                JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createQueue("durable"), "partition 3 of 4");
        }
        long pidBefore = broker.pid();

        // when
        broker.restart();

        // then: another process, on the same URL, hands it out
        assertThat(broker.pid()).isNotEqualTo(pidBefore);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
                JMSContext context = factory.createContext()) {
            Message received =
                    context.createConsumer(context.createQueue("durable")).receive(RECEIVE_WITHIN_MS);
            assertThat(received).isNotNull();
            assertThat(((TextMessage) received).getText()).isEqualTo("partition 3 of 4");
        }
    }

    @Test
    void aStoppedBrokerLeavesNoProcessAndNoListeningPort() throws Exception {
        // given
        ArtemisBroker own = ArtemisBroker.start(work.resolve("stopped"));
        long pid = own.pid();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isPresent();

        // when
        own.stop();

        // then
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", own.port()), 1000);
                    }
                })
                .isInstanceOf(ConnectException.class);
        assertThat(own.log()).contains(ArtemisBrokerMain.READY + own.url(), "artemis stopped");
        own.close();
    }

    @Test
    void aRestartOnAPortSomeoneElseTookFailsWithTheBrokersOutput() throws Exception {
        // given: a stopped broker whose port another process has taken
        ArtemisBroker own = ArtemisBroker.start(work.resolve("taken"));
        own.stop();
        try (ServerSocket taker = new ServerSocket(own.port(), 1, InetAddress.getByName("127.0.0.1"))) {
            // when, then: no ready line for a broker that listens nowhere, and its process is gone
            assertThatThrownBy(own::restart)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited with code 1 before it was ready")
                    .hasMessageContaining("the acceptor could not bind " + own.url());
            assertThat(ProcessHandle.of(own.pid()).filter(ProcessHandle::isAlive))
                    .isEmpty();
        } finally {
            own.close();
        }
    }
}
