package org.customergateway.esb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.customergateway.simulation.Fault;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The queue entry over a real Artemis broker (the gateway's embedded one, over its TCP acceptor). */
class EsbTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @TempDir
    static Path data;
    private static TestVendors vendors;
    private static RunningGateway gateway;
    private static ActiveMQConnectionFactory factory;
    private static Connection connection;
    private static Session session;
    /** The gateway's own connection: only it may read customers.dlq (BrokerPermissionsTest). */
    private static Connection gatewaysConnection;
    private static Session gatewaysSession;

    @BeforeAll
    static void start() throws Exception {
        vendors = new TestVendors();
        int port = RunningGateway.freePort();
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.esb.enabled", "true");
        settings.put("gateway.esb.embedded-broker.enabled", "true");
        settings.put("gateway.esb.embedded-broker.port", String.valueOf(port));
        settings.put("gateway.esb.embedded-broker.data-dir", data.resolve("broker").toString());
        settings.put("gateway.esb.broker-url", "tcp://localhost:" + port);
        settings.put("gateway.retry.max-attempts", "2");
        settings.putAll(TestVendors.BREAKER_NEVER_OPENS);
        gateway = SETUP.start(settings);
        factory = new ActiveMQConnectionFactory("tcp://localhost:" + port);
        connection = factory.createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        gatewaysConnection = gateway.brokerConnection();
        gatewaysSession = gatewaysConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterAll
    static void stop() throws Exception {
        gatewaysConnection.close();
        connection.close();
        factory.close();
        gateway.close();
        vendors.close();
    }

    @Test
    void readiness_includes_the_broker() {
        assertThat(gateway.observe("/observe/health").body()).contains("\"name\":\"broker\",\"status\":\"UP\"");
    }

    @Test
    void answers_a_request_on_its_reply_to_queue_with_the_correlation_id() throws Exception {
        String id = newId();
        TemporaryQueue replies = session.createTemporaryQueue();
        TextMessage request = session.createTextMessage(Fixtures.text("syntch-postcustomer.json").replace("C-1001", id));
        request.setJMSReplyTo(replies);
        request.setJMSCorrelationID("order-" + id);
        request.setStringProperty("GatewayTarget", "simplepin");
        session.createProducer(session.createQueue("customers.in")).send(request);

        Message reply = session.createConsumer(replies).receive(20_000);
        assertThat(reply).isNotNull();
        assertThat(reply.getJMSCorrelationID()).isEqualTo("order-" + id);
        assertThat(reply.getIntProperty("GatewayStatus")).isEqualTo(201);
        JsonNode result = Fixtures.CODECS.json().readTree(((TextMessage) reply).getText());
        assertThat(result.at("/outcomes/0/status").asText()).isEqualTo("CREATED");
        assertThat(vendors.simplePin.profile(id)).isNotNull();
    }

    @Test
    void sends_the_result_of_a_fire_and_forget_message_to_the_out_queue() throws Exception {
        String id = newId();
        FireAndForget customer = new FireAndForget(session, id, "ff-" + id);
        MessageConsumer out = customer.results();
        customer.send();

        Message result = out.receive(20_000);
        assertThat(result).isNotNull();
        assertThat(((TextMessage) result).getText()).contains("\"status\":\"CREATED\"");
        assertThat(vendors.syntch.customer(id)).isNotNull();
    }

    @Test
    void an_unreadable_message_goes_to_the_dlq_with_its_reason_and_to_the_dead_letters() throws Exception {
        String marker = "poison-" + newId();
        MessageConsumer dlq = gatewaysSession.createConsumer(gatewaysSession.createQueue("customers.dlq"), "JMSCorrelationID = '" + marker + "'");
        TextMessage poison = session.createTextMessage("{\"nickname\": \"" + marker + "\"}");
        poison.setJMSCorrelationID(marker);
        session.createProducer(session.createQueue("customers.in")).send(poison);

        Message dead = dlq.receive(20_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("GatewayDeadLetterReason")).contains("nickname");
        assertThat(((TextMessage) dead).getText()).contains(marker);
        assertThat(gateway.get("/api/v1/dead-letters?size=500").body()).contains(marker);
    }

    @Test
    void a_customer_no_vendor_took_goes_to_the_dlq_and_waits_as_a_dead_letter() throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));
        MessageConsumer dlq = gatewaysSession.createConsumer(gatewaysSession.createQueue("customers.dlq"), "JMSCorrelationID = 'f-" + id + "'");
        TextMessage message = session.createTextMessage(Fixtures.text("canonical-customer.json").replace("C-1001", id));
        message.setJMSCorrelationID("f-" + id);
        message.setStringProperty("GatewayTarget", "syntch");
        session.createProducer(session.createQueue("customers.in")).send(message);

        Message dead = dlq.receive(20_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("GatewayDeadLetterReason")).contains("syntch");
        String letters = gateway.get("/api/v1/dead-letters?vendor=syntch&size=500").body();
        assertThat(letters).contains(id).contains("\"wayIn\":\"esb\"");
    }

    @Test
    void a_key_used_before_with_another_customer_sends_the_message_as_it_came_to_the_dlq() throws Exception {
        String first = newId();
        String second = newId();
        String key = "key-" + first;
        MessageConsumer out = session.createConsumer(session.createQueue("customers.out"), "JMSCorrelationID = 'k1-" + first + "'");
        MessageConsumer dlq = gatewaysSession.createConsumer(gatewaysSession.createQueue("customers.dlq"),
                "JMSCorrelationID = 'k2-" + first + "'");
        String secondCustomer = Fixtures.text("canonical-customer.json").replace("C-1001", second);
        for (String[] send : new String[][] {
                {"k1-" + first, Fixtures.text("canonical-customer.json").replace("C-1001", first)},
                {"k2-" + first, secondCustomer}}) {
            TextMessage message = session.createTextMessage(send[1]);
            message.setJMSCorrelationID(send[0]);
            message.setStringProperty("GatewayTarget", "syntch");
            message.setStringProperty("IdempotencyKey", key);
            session.createProducer(session.createQueue("customers.in")).send(message);
            if (send[0].startsWith("k1")) {
                assertThat(out.receive(20_000)).as("the first customer's result").isNotNull();
            }
        }

        Message dead = dlq.receive(20_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("GatewayDeadLetterReason")).contains(key).contains("used before");
        assertThat(((TextMessage) dead).getText()).isEqualTo(secondCustomer);
        assertThat(vendors.syntch.customer(second)).isNull();
    }

    @Test
    void an_embedding_camel_route_uses_direct_customer_gateway_or_the_sink_template() throws Exception {
        String direct = newId();
        String body = Fixtures.text("canonical-customer.json").replace("C-1001", direct);
        String result = gateway.context().createProducerTemplate()
                .requestBodyAndHeader("direct:customer-gateway", body, "GatewayTarget", "syntch", String.class);
        assertThat(result).contains("\"status\":\"CREATED\"");
        assertThat(vendors.syntch.customer(direct)).isNotNull();

        TemplatedRouteBuilder.builder(gateway.context(), "customer-gateway-sink")
                .parameter("name", "crm-customers").parameter("target", "simplepin").add();
        String viaSink = newId();
        String sinkResult = gateway.context().createProducerTemplate().requestBody("direct:crm-customers",
                Fixtures.text("canonical-customer.json").replace("C-1001", viaSink), String.class);
        assertThat(sinkResult).contains("\"vendor\":\"simplepin\"");
        assertThat(vendors.simplePin.profile(viaSink)).isNotNull();
    }

    @Test
    void the_shipped_queue_client_sends_a_customer_and_prints_its_result() throws Exception {
        String id = newId();
        Path customer = data.resolve("client-" + id + ".json");
        java.nio.file.Files.writeString(customer, new String(org.customergateway.support.TestCustomers.customer(id)));
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int exit = QueueClient.run(new java.io.PrintStream(printed, true), "--broker", factory.toURI().toString(),
                "--target", "syntch", customer.toString());
        assertThat(exit).as(printed.toString()).isZero();
        assertThat(printed.toString()).contains("client-" + id + ".json -> ").contains("\"status\":\"CREATED\"");
        assertThat(vendors.syntch.customer(id)).isNotNull();
    }
}
