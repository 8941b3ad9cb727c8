package org.customergateway.esb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.customergateway.support.TestCustomers.newId;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.Stomp;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client holding an API key may do on the embedded broker (docs/queue.md): send customers to
 * customers.in, read customers.out and use its own reply queues. Each other thing is tried, over STOMP,
 * JMS and Artemis's core protocol, and refused: another address, an auto-created queue, the management
 * address (destroyQueue), a durable queue made or deleted, the dead-letter queue read or written.
 */
class BrokerPermissionsTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    private static final String KEY = "broker-key-" + newId();

    @TempDir
    static Path data;
    private static TestVendors vendors;
    private static RunningGateway gateway;
    private static int port;

    @BeforeAll
    static void start() {
        vendors = new TestVendors();
        port = RunningGateway.freePort();
        gateway = SETUP.start(vendors.gatewaySettingsWithEmbeddedBroker(port, data.resolve("broker"), KEY));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        vendors.close();
    }

    @Test
    void a_client_sends_a_customer_and_reads_the_result_on_its_own_temporary_queue() throws Exception {
        String id = newId();
        try (Connection connection = client().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            TextMessage request = session.createTextMessage(Fixtures.text("canonical-customer.json").replace("C-1001", id));
            request.setJMSReplyTo(replies);
            session.createProducer(session.createQueue("customers.in")).send(request);
            Message reply = session.createConsumer(replies).receive(30_000);
            assertThat(reply).as("the result, on the client's temporary queue").isNotNull();
            assertThat(((TextMessage) reply).getText()).contains(id).contains("CREATED");
        }
    }

    @Test
    void a_stomp_client_reads_results_on_the_out_queue() {
        String id = newId();
        try (Stomp stomp = new Stomp(port)) {
            assertThat(stomp.connect("stomp-client", KEY)).startsWith("CONNECTED");
            stomp.send("SUBSCRIBE\nid:0\ndestination:customers.out\nack:auto\n\n");
            stomp.send("SEND\ndestination:customers.in\ncontent-type:application/json\n\n"
                    + Fixtures.text("canonical-customer.json").replace("C-1001", id));
            assertThat(stomp.read()).startsWith("MESSAGE").contains(id);
        }
    }

    @Test
    void a_stomp_send_to_an_unknown_destination_is_refused_and_creates_no_queue() throws Exception {
        try (Stomp stomp = new Stomp(port)) {
            assertThat(stomp.connect("stomp-client", KEY)).startsWith("CONNECTED");
            stomp.send("SEND\ndestination:evil.q\nreceipt:r1\n\nhello");
            assertThat(stomp.read()).startsWith("ERROR");
        }
        assertThat(queueExists("evil.q")).as("evil.q exists").isFalse();
    }

    @Test
    void the_management_address_is_closed_to_clients_and_the_dead_letter_queue_survives() throws Exception {
        try (Stomp stomp = new Stomp(port)) {
            assertThat(stomp.connect("stomp-client", KEY)).startsWith("CONNECTED");
            stomp.send("SEND\ndestination:activemq.management\nreceipt:r2\n_AMQ_ResourceName:broker\n"
                    + "_AMQ_OperationName:destroyQueue\n\n[\"customers.dlq\"]");
            assertThat(stomp.read()).startsWith("ERROR");
        }
        try (Connection connection = client().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage destroy = session.createTextMessage("[\"customers.dlq\"]");
            destroy.setStringProperty("_AMQ_ResourceName", "broker");
            destroy.setStringProperty("_AMQ_OperationName", "destroyQueue");
            assertThatThrownBy(() -> session.createProducer(session.createQueue("activemq.management")).send(destroy))
                    .isInstanceOf(JMSException.class);
        }
        assertThat(queueExists("customers.dlq")).isTrue();
        // and a message that can never be read still ends there, not in an auto-created jms.queue.customers.dlq
        String marker = "poison-" + newId();
        try (Connection connection = client().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage poison = session.createTextMessage("{\"nickname\": \"" + marker + "\"}");
            poison.setJMSCorrelationID(marker);
            session.createProducer(session.createQueue("customers.in")).send(poison);
        }
        try (Connection connection = gateway.brokerConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message dead = session.createConsumer(session.createQueue("customers.dlq"),
                    "JMSCorrelationID = '" + marker + "'").receive(20_000);
            assertThat(dead).as("the poison message in customers.dlq").isNotNull();
        }
        assertThat(queueExists("jms.queue.customers.dlq")).isFalse();
    }

    @Test
    void a_result_a_client_rolls_back_again_and_again_ends_in_the_dead_letter_queue() throws Exception {
        String id = newId();
        try (Connection connection = client().createConnection()) {
            connection.start();
            Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
            jakarta.jms.MessageConsumer out = transacted.createConsumer(transacted.createQueue("customers.out"),
                    "JMSCorrelationID = 'rolled-" + id + "'");
            Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage request = sender.createTextMessage(Fixtures.text("canonical-customer.json").replace("C-1001", id));
            request.setJMSCorrelationID("rolled-" + id);
            sender.createProducer(sender.createQueue("customers.in")).send(request);
            int deliveries = 0;
            for (Message result; (result = out.receive(deliveries == 0 ? 30_000 : 5_000)) != null; ) {
                deliveries++;
                transacted.rollback();
            }
            assertThat(deliveries).as("delivered until the broker gives up").isEqualTo(10);
        }
        try (Connection connection = gateway.brokerConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message dead = session.createConsumer(session.createQueue("customers.dlq"),
                    "JMSCorrelationID = 'rolled-" + id + "'").receive(10_000);
            assertThat(dead).as("the result in customers.dlq").isNotNull();
        }
    }

    @Test
    void a_client_may_not_write_the_out_or_dead_letter_queue_nor_read_the_in_or_dead_letter_queue() throws Exception {
        try (Connection connection = client().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String queue : new String[] {"customers.out", "customers.dlq"}) {
                assertThatThrownBy(() -> session.createProducer(session.createQueue(queue)).send(session.createTextMessage("forged")))
                        .as("send to %s", queue).isInstanceOf(JMSException.class);
            }
            for (String queue : new String[] {"customers.in", "customers.dlq"}) {
                assertThatThrownBy(() -> session.createConsumer(session.createQueue(queue)))
                        .as("read %s", queue).isInstanceOf(JMSException.class);
            }
        }
    }

    @Test
    void a_client_may_neither_delete_nor_create_a_durable_queue() throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession("core-client", KEY, false, true, true, false, 1)) {
            assertThatThrownBy(() -> session.deleteQueue("customers.dlq")).isInstanceOf(ActiveMQException.class);
            assertThatThrownBy(() -> session.createQueue(QueueConfiguration.of("evil.durable")
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true))).isInstanceOf(ActiveMQException.class);
        }
        assertThat(queueExists("customers.dlq")).isTrue();
        assertThat(queueExists("evil.durable")).isFalse();
    }

    private static ActiveMQConnectionFactory client() {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port + "?reconnectAttempts=0", "any-client", KEY);
    }

    private static boolean queueExists(String name) throws Exception {
        try (Connection connection = gateway.brokerConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createBrowser(session.createQueue(name)).getEnumeration().hasMoreElements();
            return true;
        } catch (JMSException missing) {
            if (String.valueOf(missing.getMessage()).contains("no queue")) {
                return false;
            }
            throw missing;
        }
    }
}
