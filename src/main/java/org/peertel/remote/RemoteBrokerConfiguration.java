package org.peertel.remote;

import jakarta.jms.ConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The broker connection of a manager and of a worker alike (any {@link RemoteRole}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RemoteRole.PROPERTY)
public class RemoteBrokerConfiguration {

    @Bean
    public ConnectionFactory partitionBroker(RemoteSettings remote) {
        return RemoteBroker.connectionFactory(remote);
    }
}
