package org.customergateway.esb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.support.service.ServiceSupport;

/**
 * An Apache ActiveMQ Artemis broker inside the gateway (the sandbox's, or any deployment that sets
 * {@code gateway.esb.embedded-broker.enabled}): one multi-protocol acceptor (CORE, AMQP, STOMP,
 * OpenWire) that other applications can connect to, and a persistent journal, so that a message
 * accepted before a crash is still there after it.
 * <p>
 * What a broker shared with other clients needs (docs/queue.md): the gateway's queues exist as anycast queues
 * from the start and are never auto-created, so a client's STOMP subscription cannot turn one into a
 * topic; a message that cannot be delivered after {@code maxDeliveryAttempts} (or that expires) goes to
 * the dead-letter queue instead of being redelivered for ever; it listens on one host only (loopback by
 * default); when the gateway has API keys a client must present one of them as its password; and a
 * client may only send customers, read results and use its own reply queues ({@link #permissions}).
 */
public final class EmbeddedBroker extends ServiceSupport {

    /**
     * Where the broker listens, who may connect, which queues it holds.
     *
     * @param stompIdleMillis how long a STOMP client that sends nothing (no heart-beats) keeps its connection
     */
    public record Settings(String host, int port, Path dataDir, BrokerCredentials credentials, GatewayQueues queues,
                           int maxDeliveryAttempts, long stompIdleMillis) {
    }

    private static final String TEMPORARY = "temp";

    private final Settings settings;
    private EmbeddedActiveMQ broker;

    public EmbeddedBroker(Settings settings) {
        this.settings = settings;
    }

    /** The URL the gateway itself connects with: loopback when the broker listens on every interface. */
    public String url() {
        String host = "0.0.0.0".equals(settings.host()) || "::".equals(settings.host()) ? "127.0.0.1" : settings.host();
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + settings.port();
    }

    @Override
    protected void doStart() throws Exception {
        Path dataDir = settings.dataDir();
        GatewayQueues queues = settings.queues();
        Configuration configuration = new ConfigurationImpl()
                .setName("customer-gateway")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(true)
                // a client's temporary queues are looked up as temp.<name>, so that they have settings of their own
                .setTemporaryQueueNamespace(TEMPORARY)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .addAcceptorConfiguration("gateway", "tcp://" + settings.host() + ":" + settings.port()
                        + "?protocols=CORE,AMQP,STOMP,OPENWIRE"
                        // Artemis drops a STOMP connection without heart-beats after 60 s of silence from the
                        // client: a plain subscriber waiting for a long batch's results was cut off mid-batch
                        + "&connectionTtl=" + settings.stompIdleMillis());
        for (String queue : queues.all()) {
            configuration.addAddressConfiguration(new CoreAddressConfiguration().setName(queue)
                    .addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfig(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        }
        SimpleString deadLetters = SimpleString.of(queues.dlq());
        // every address: undeliverable or expired messages end in the dead-letter queue; a rolled back
        // message waits a little longer each time, so a message that can never be answered does not spin
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(deadLetters)
                .setExpiryAddress(deadLetters)
                .setMaxDeliveryAttempts(settings.maxDeliveryAttempts())
                .setRedeliveryDelay(100)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(2000)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                // no address or queue is ever made or removed because a client named it: the gateway's
                // queues are made above, a client's temporary queues by its own explicit request
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false)
                .setAutoDeleteAddresses(false)
                .setAutoDeleteQueues(false));
        permissions(queues).forEach(configuration::putSecurityRoles);
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.setSecurityManager(settings.credentials().securityManager());
        broker.start();
    }

    /**
     * Who may do what, by address (Artemis takes the most specific match whole). A client may send to
     * the in queue, read the out queue and make, read and remove its own temporary (reply) queues,
     * and nothing else: no other address, no management address, nothing created by sending, no queue
     * removed. The gateway's own connection may send and read the gateway's queues and answer on a
     * client's reply queue, and never manage the broker either.
     */
    static Map<String, Set<Role>> permissions(GatewayQueues queues) {
        Set<Role> nobody = Set.of();
        return Map.of(
                "#", Set.of(gateway(true, true)),
                TEMPORARY + ".#", Set.of(gateway(true, false), new Role(BrokerCredentials.CLIENT_ROLE, false, true,
                        false, false, true, true, false, true, true, true, false, false)),
                queues.in(), Set.of(gateway(true, true), client(true, false)),
                queues.out(), Set.of(gateway(true, true), client(false, true)),
                queues.dlq(), Set.of(gateway(true, true)),
                "activemq.#", nobody);
    }

    private static Role gateway(boolean send, boolean consume) {
        return new Role(BrokerCredentials.GATEWAY_ROLE, send, consume, false, false, false, false, false, consume,
                false, false, false, false);
    }

    private static Role client(boolean send, boolean consume) {
        return new Role(BrokerCredentials.CLIENT_ROLE, send, consume, false, false, false, false, false, consume,
                false, false, false, false);
    }

    @Override
    protected void doStop() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    /** The names of the gateway's three queues, as the broker creates them. */
    public record GatewayQueues(String in, String out, String dlq) {

        /** The queues named by the gateway.esb.in, .out and .dlq endpoints (the SPEC's names when one is no JMS queue). */
        public static GatewayQueues of(String inUri, String outUri, String dlqUri) {
            return new GatewayQueues(queueName(inUri, "customers.in"), queueName(outUri, "customers.out"),
                    queueName(dlqUri, "customers.dlq"));
        }

        public List<String> all() {
            return List.of(in, out, dlq);
        }

        /** {@code jms:queue:customers.in?transacted=true} is the queue {@code customers.in}. */
        static String queueName(String uri, String otherwise) {
            if (uri == null || !uri.startsWith("jms:")) {
                return otherwise;
            }
            String name = uri.substring("jms:".length());
            if (name.startsWith("queue:")) {
                name = name.substring("queue:".length());
            } else if (name.startsWith("topic:")) {
                return otherwise;
            }
            int query = name.indexOf('?');
            name = query < 0 ? name : name.substring(0, query);
            return name.isBlank() ? otherwise : name;
        }
    }
}
