package org.customergateway.esb;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.support.service.ServiceSupport;

/**
 * An Apache ActiveMQ Artemis broker inside the gateway (the sandbox's, or any deployment that sets
 * {@code gateway.esb.embedded-broker.enabled}): one multi-protocol acceptor (CORE, AMQP, STOMP,
 * OpenWire) that other applications can connect to, and a persistent journal, so that a message
 * accepted before a crash is still there after it.
 */
public final class EmbeddedBroker extends ServiceSupport {

    private final int port;
    private final Path dataDir;
    private EmbeddedActiveMQ broker;

    public EmbeddedBroker(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    public String url() {
        return "tcp://localhost:" + port;
    }

    @Override
    protected void doStart() throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("customer-gateway")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .addAcceptorConfiguration("gateway", "tcp://0.0.0.0:" + port + "?protocols=CORE,AMQP,STOMP,OPENWIRE");
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }
}
