package org.customergateway;

import static org.apache.camel.support.CamelContextHelper.mandatoryLookup;

import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Predicate;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.customergateway.auth.KeyRing;
import org.customergateway.dispatch.CircuitGate;
import org.customergateway.dispatch.Target;
import org.customergateway.esb.BrokerCredentials;
import org.customergateway.esb.EmbeddedBroker;
import org.customergateway.esb.LazyConnectionFactory;
import org.customergateway.esb.QueueBroker;
import org.customergateway.esb.QueueEndpoint;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.translation.Translator;
import org.springframework.jms.connection.CachingConnectionFactory;

/** The message queue way in (routes/esb-source): the broker (embedded or gateway.esb.broker-url), the jms component, the queue's beans. */
public class QueueWiring implements CamelConfiguration {

    @PropertyInject("gateway.esb.embedded-broker.enabled")
    private boolean embeddedBroker;

    /** The embedded broker runs whenever it is on, in any profile, whether or not this gateway reads the queue. */
    @Override
    public void configure(CamelContext camelContext) throws Exception {
        if (embeddedBroker) {
            mandatoryLookup(camelContext, "queueBroker", QueueBroker.class);
        }
    }

    /** The broker in use: the embedded one, started here, when it is on; else gateway.esb.broker-url. */
    @BindToRegistry(value = "queueBroker", lazy = true)
    public QueueBroker queueBroker(CamelContext camelContext, KeyRing keys,
            @PropertyInject("gateway.esb.broker-url") String brokerUrl,
            @PropertyInject("gateway.esb.broker-username") String username,
            @PropertyInject("gateway.esb.broker-password") String password,
            @PropertyInject("gateway.esb.embedded-broker.host") String host,
            @PropertyInject("gateway.esb.embedded-broker.port") int port,
            @PropertyInject("gateway.esb.embedded-broker.data-dir") String dataDir,
            @PropertyInject("gateway.esb.embedded-broker.max-delivery-attempts") int maxDeliveryAttempts,
            @PropertyInject("gateway.esb.embedded-broker.stomp-idle-ms") long stompIdleMillis) throws Exception {
        if (!embeddedBroker) {
            return new QueueBroker(brokerUrl, BrokerCredentials.external(username, password), null);
        }
        BrokerCredentials credentials = BrokerCredentials.embedded(keys, username, password);
        EmbeddedBroker broker = new EmbeddedBroker(new EmbeddedBroker.Settings(host, port, Path.of(dataDir), credentials,
                EmbeddedBroker.GatewayQueues.of(camelContext.resolvePropertyPlaceholders("{{gateway.esb.in}}"),
                        camelContext.resolvePropertyPlaceholders("{{gateway.esb.out}}"),
                        camelContext.resolvePropertyPlaceholders("{{gateway.esb.dlq}}")), maxDeliveryAttempts, stompIdleMillis));
        camelContext.addService(broker, true, true);
        return new QueueBroker(broker.url(), credentials, dataDir);
    }

    /**
     * transacted=true in gateway.esb.in is the listener's own local transaction, with no transaction
     * manager beside it: the consumer's session is exposed to its thread, so the result (and a poison
     * message's copy to the DLQ) is sent in that session and commits with the message's acknowledgement.
     */
    @BindToRegistry(value = "jms", lazy = true)
    public JmsComponent jms(CamelContext camelContext, QueueBroker broker, @PropertyInject("gateway.esb.consumer-window-bytes") int consumerWindowBytes,
            @PropertyInject("gateway.dispatch.threads") int dispatchThreads) throws Exception {
        CachingConnectionFactory connections = new CachingConnectionFactory(new LazyConnectionFactory(() -> {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url(),
                    broker.credentials().gatewayUser(), broker.credentials().gatewayPassword());
            factory.setConsumerWindowSize(consumerWindowBytes);
            // a queue's name is looked up at the broker once, not at every send (a round trip each)
            factory.setCacheDestinations(true);
            return factory;
        }));
        // sends from threads other than the consumers' (none on the queue's path) keep a session each
        connections.setSessionCacheSize(dispatchThreads);
        // the connection closes with Camel, and before an embedded broker stops (Camel stops its services
        // in the reverse order of their adding, and the broker was added first): else the broker's own
        // shutdown cut it, and Spring logged a JMSException with its stack trace at every stop
        camelContext.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                connections.destroy();
            }
        }, true, true);
        JmsComponent jms = JmsComponent.jmsComponent(connections);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        return jms;
    }

    @BindToRegistry(value = "queueEndpoint", lazy = true)
    public QueueEndpoint queueEndpoint(Translator translator, DeadLetterStore deadLetters, CircuitGate circuitGate,
            Codecs codecs, @PropertyInject("gateway.default-target") String defaultTarget,
            @PropertyInject("gateway.esb.max-waiting-consumers") int maxWaitingConsumers,
            @PropertyInject("gateway.esb.set-aside-ms") long setAsideMillis) {
        return new QueueEndpoint(translator, deadLetters, circuitGate, codecs, Target.parse(defaultTarget),
                maxWaitingConsumers, setAsideMillis);
    }

    /**
     * The route's question, read through the ref language: a method: expression would copy the whole
     * exchange (and a JMS message's, with a thrown exception) for every customer.
     */
    @BindToRegistry(value = "vendorCrowded", lazy = true)
    public Predicate vendorCrowded(QueueEndpoint queueEndpoint) {
        return queueEndpoint::crowded;
    }
}
