package org.customergateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.customergateway.support.Fixtures;
import org.customergateway.support.PackagedGateway;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.Stomp;
import org.customergateway.support.TestCustomers;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on the {@code prod} profile with its embedded broker on a port of the user's choice
 * (docs/queue.md): the gateway consumes from that broker, which holds the queues as anycast queues, refuses
 * clients without one of the API keys and lets those with one do no more than send customers and read
 * results, listens on loopback only and sends what cannot be delivered to the dead-letter queue.
 */
class ProdEmbeddedBrokerIT {

    private static final String KEY = "prod-key-" + TestCustomers.newId();

    @TempDir
    static Path work;
    private static TestVendors vendors;
    private static PackagedGateway gateway;
    private static int brokerPort;

    @BeforeAll
    static void start() {
        vendors = new TestVendors();
        brokerPort = RunningGateway.freePort();
        Map<String, String> env = PackagedGateway.prodEnvironment(vendors, KEY);
        env.put("GATEWAY_ESB_EMBEDDED_BROKER_ENABLED", "true");
        env.put("GATEWAY_ESB_EMBEDDED_BROKER_PORT", String.valueOf(brokerPort));
        env.put("GATEWAY_DEFAULT_TARGET", "syntch");
        gateway = PackagedGateway.start(work.resolve("gateway"), env).awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        vendors.close();
    }

    @Test
    void the_gateway_consumes_from_its_embedded_broker_on_the_configured_port() throws Exception {
        String id = TestCustomers.newId();
        try (ActiveMQConnectionFactory factory = factory("any-client", KEY); Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            TextMessage request = session.createTextMessage(Fixtures.text("canonical-customer.json").replace("C-1001", id));
            request.setJMSReplyTo(replies);
            session.createProducer(session.createQueue("customers.in")).send(request);
            Message reply = session.createConsumer(replies).receive(30_000);
            assertThat(reply).as("a reply from the gateway").isNotNull();
            JsonNode result = Fixtures.CODECS.json().readTree(((TextMessage) reply).getText());
            assertThat(result.path("outcomes").get(0).path("status").asText()).isEqualTo("CREATED");
        }
        assertThat(vendors.syntch.customer(id)).isNotNull();
        assertThat(gateway.observe("/observe/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void a_client_without_one_of_the_api_keys_is_refused() {
        assertThatThrownBy(() -> {
            try (ActiveMQConnectionFactory factory = factory(null, null); Connection connection = factory.createConnection()) {
                connection.start();
            }
        }).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> {
            try (ActiveMQConnectionFactory factory = factory("someone", "not-a-key");
                 Connection connection = factory.createConnection()) {
                connection.start();
            }
        }).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void a_stomp_client_without_a_key_cannot_send_a_customer() {
        try (Stomp stomp = new Stomp(brokerPort)) {
            assertThat(stomp.connect(null, null)).startsWith("ERROR");
        }
    }

    @Test
    void a_stomp_subscription_to_the_reply_queue_does_not_turn_it_into_a_topic() {
        try (Stomp stomp = new Stomp(brokerPort)) {
            assertThat(stomp.connect("stomp-client", KEY)).startsWith("CONNECTED");
            stomp.send("SUBSCRIBE\nid:0\ndestination:customers.out\nack:auto\n\n");
            for (int i = 0; i < 2; i++) {
                String id = TestCustomers.newId();
                stomp.send("SEND\ndestination:customers.in\ncontent-type:application/json\n\n"
                        + Fixtures.text("canonical-customer.json").replace("C-1001", id));
                assertThat(stomp.read()).as("result %d on customers.out", i).startsWith("MESSAGE").contains(id);
            }
        }
    }

    @Test
    void a_result_rolled_back_again_and_again_leaves_the_out_queue_after_the_maximum_attempts() throws Exception {
        // the result of a customer sent without a reply queue goes to customers.out; a client that rolls
        // it back each time sees it 10 times, then the broker moves it to customers.dlq (which only the
        // gateway reads: BrokerPermissionsTest reads it through the gateway's own connection)
        String id = TestCustomers.newId();
        try (ActiveMQConnectionFactory factory = factory("any-client", KEY); Connection connection = factory.createConnection()) {
            connection.start();
            Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = transacted.createConsumer(transacted.createQueue("customers.out"));
            Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            sender.createProducer(sender.createQueue("customers.in"))
                    .send(sender.createTextMessage(Fixtures.text("canonical-customer.json").replace("C-1001", id)));
            int deliveries = 0;
            for (Message message; (message = consumer.receive(deliveries == 0 ? 30_000 : 5_000)) != null; ) {
                if (((TextMessage) message).getText().contains(id)) {
                    deliveries++;
                }
                transacted.rollback();
            }
            consumer.close();
            assertThat(deliveries).as("delivered until the broker gives up").isEqualTo(10);
        }
    }

    @Test
    void a_client_with_a_key_can_neither_create_a_queue_by_sending_nor_manage_the_broker() {
        try (Stomp stomp = new Stomp(brokerPort)) {
            assertThat(stomp.connect("stomp-client", KEY)).startsWith("CONNECTED");
            stomp.send("SEND\ndestination:evil.q\nreceipt:r1\n\nhello");
            assertThat(stomp.read()).startsWith("ERROR");
        }
        try (Stomp stomp = new Stomp(brokerPort)) {
            assertThat(stomp.connect("stomp-client", KEY)).startsWith("CONNECTED");
            stomp.send("SEND\ndestination:activemq.management\nreceipt:r2\n_AMQ_ResourceName:broker\n"
                    + "_AMQ_OperationName:destroyQueue\n\n[\"customers.dlq\"]");
            assertThat(stomp.read()).startsWith("ERROR");
        }
    }

    @Test
    void the_broker_listens_on_loopback_only() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> !isLoopback(nic)).flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback address");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), brokerPort), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void a_correlation_id_holding_a_line_break_cannot_forge_a_log_line() throws Exception {
        String id = TestCustomers.newId();
        String forged = "12:00:00.000 INFO  [main] CustomerDispatcher - customer FORGED-" + id + " via http at syntch: CREATED";
        try (ActiveMQConnectionFactory factory = factory("any-client", KEY); Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            TextMessage request = session.createTextMessage(Fixtures.text("canonical-customer.json").replace("C-1001", id));
            request.setJMSReplyTo(replies);
            request.setJMSCorrelationID("order-1\r\n" + forged);
            session.createProducer(session.createQueue("customers.in")).send(request);
            assertThat(session.createConsumer(replies).receive(30_000)).isNotNull();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gateway.log().contains("customer " + id));
        assertThat(gateway.log().lines()).noneMatch(line -> line.startsWith("12:00:00.000"));
        assertThat(gateway.log()).contains("order-1\\r\\n12:00:00.000");
    }

    @Test
    void artemis_audit_lines_stay_out_of_the_log() {
        assertThat(gateway.log()).doesNotContain("AMQ601").doesNotContain("org.apache.activemq.audit");
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback() || !nic.isUp();
        } catch (IOException e) {
            return true;
        }
    }

    private static ActiveMQConnectionFactory factory(String user, String password) {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort + "?reconnectAttempts=0", user, password);
    }
}
