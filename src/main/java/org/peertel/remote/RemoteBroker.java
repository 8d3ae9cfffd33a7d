package org.peertel.remote;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.peertel.config.ConfigurationException;

/** The connection to the Artemis broker of {@code broker.url}, for the manager and the workers. */
public final class RemoteBroker {

    private RemoteBroker() {}

    /**
     * A connection factory for {@code settings}' broker. Consumers take one request at a time (no prefetch): a busy
     * worker must not hold requests another worker could run.
     */
    static ConnectionFactory connectionFactory(RemoteSettings settings) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.brokerUrl());
        factory.setConsumerWindowSize(0);
        return factory;
    }

    /**
     * Opens and closes one connection, so that a broker that cannot be reached stops the command before it starts.
     *
     * @throws ConfigurationException naming the URL and where it is set
     */
    public static void requireReachable(RemoteSettings settings) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.brokerUrl());
        factory.setInitialConnectAttempts(1);
        factory.setReconnectAttempts(0);
        try (factory;
                Connection connection = factory.createConnection()) {
            connection.start();
        } catch (JMSException e) {
            throw new ConfigurationException("the broker " + settings.brokerUrl() + " (" + RemoteSettings.BROKER_URL_KEY
                    + ", " + settings.where().brokerUrl() + ") cannot be reached: " + e.getMessage()
                    + "; start it, or fix the URL");
        }
    }
}
