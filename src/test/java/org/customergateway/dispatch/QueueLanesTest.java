package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.customergateway.simulation.Fault;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/flow.md on the queue: a customer waits only while its own target's circuit is open. With Syntch's
 * circuit open and a backlog for it, customers for SimplePin on the same queue are still created:
 * only gateway.esb.max-waiting-consumers consumers wait for Syntch, its other messages are set aside
 * (back on the queue for a while, their delivery attempts untouched), and the rest serve SimplePin.
 */
class QueueLanesTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @TempDir
    Path work;

    @Test
    void customers_for_a_healthy_vendor_go_on_while_another_vendors_backlog_waits_for_its_circuit() throws Exception {
        try (TestVendors vendors = new TestVendors()) {
            int brokerPort = RunningGateway.freePort();
            Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
            settings.put("gateway.retry.max-attempts", "1");
            settings.put("gateway.esb.enabled", "true");
            settings.put("gateway.esb.in", "jms:queue:customers.in?transacted=true&concurrentConsumers=3");
            settings.put("gateway.esb.max-waiting-consumers", "1");
            settings.put("gateway.esb.set-aside-ms", "200");
            settings.put("gateway.esb.embedded-broker.enabled", "true");
            settings.put("gateway.esb.embedded-broker.port", String.valueOf(brokerPort));
            settings.put("gateway.esb.embedded-broker.data-dir", work.resolve("broker").toString());
            // open for 8 s: long enough to watch SimplePin go on, short enough to see Syntch's customers created after
            settings.putAll(TestVendors.breakerOverTheLastFourCalls(8));
            for (int i = 0; i < 4; i++) {
                vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
            }
            try (RunningGateway gateway = SETUP.start(settings);
                 ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
                 Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer in = session.createProducer(session.createQueue("customers.in"));
                // four failures open Syntch's circuit (those four end as dead letters)
                put(session, in, "syntch", 4);
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> gateway.observe("/observe/health").body()
                        .contains("circuit open"));
                put(session, in, "syntch", 6);
                put(session, in, "simplepin", 5);

                MessageConsumer out = session.createConsumer(session.createQueue("customers.out"));
                int created = 0;
                for (Message result; created < 5 && (result = out.receive(20_000)) != null; ) {
                    if (((TextMessage) result).getText().contains("\"vendor\":\"simplepin\",\"status\":\"CREATED\"")) {
                        created++;
                    }
                }
                assertThat(created).as("SimplePin's customers, created while Syntch's circuit is open").isEqualTo(5);
                assertThat(vendors.simplePin.customerCount()).isEqualTo(5);

                // none is lost: once the circuit closes (8 s: set aside every 200 ms, each many times over the
                // broker's 10 delivery attempts), each of Syntch's six waiting customers is created
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> vendors.syntch.customerCount() == 6);
                // and being set aside used up no delivery attempt: only the four that opened the circuit are
                // in the dead-letter queue
                try (Connection own = gateway.brokerConnection()) {
                    Session ownSession = own.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    QueueBrowser dlq = ownSession.createBrowser(ownSession.createQueue("customers.dlq"));
                    assertThat(Collections.list(dlq.getEnumeration())).hasSize(4);
                }
            }
        }
    }

    private static void put(Session session, MessageProducer in, String target, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            TextMessage message = session.createTextMessage(Fixtures.text("canonical-customer.json").replace("C-1001", newId()));
            message.setStringProperty("GatewayTarget", target);
            in.send(message);
        }
    }
}
