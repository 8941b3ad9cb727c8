package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.customergateway.support.Fixtures;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue against a vendor that takes so many calls a second (the simulator's token bucket, 429 with
 * Retry-After: 1 beyond it), with the default settings (32 consumers, 8 of them calling the vendor at once
 * to begin with, the default retries): every message ends CREATED on customers.out, none is a dead letter,
 * each customer is created once, and few calls are refused, as for a file (VendorPacingTest). Against a
 * vendor that is slow but answers every call, the consumers' calls at once open up beyond the 8.
 */
class QueuePacingTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    private static final int MESSAGES = 300;
    private static final double LIMIT = 40;
    private static final String KEY = "queue-pacing-key";

    @TempDir
    Path work;

    @Test
    void a_backlog_for_a_rate_limited_vendor_is_created_whole_with_few_429s() throws Exception {
        TestVendors vendors = SETUP.vendors();
        vendors.syntch.server().limitRate(POST_CUSTOMERS, LIMIT);
        RunningGateway gateway = sendAndReceiveAllCreated(vendors, MESSAGES);
        JsonNode letters = Fixtures.CODECS.json().readTree(gateway.send(HttpRequest.newBuilder(
                gateway.uri("/api/v1/dead-letters?size=500")).header("X-Api-Key", KEY).GET().build()).body());
        assertThat(letters.path("items").size() + letters.path("content").size()).as("dead letters").isZero();

        TestVendors.RateLimited calls = vendors.syntchCreatesRateLimited();
        System.out.printf("queue pacing: %d calls let through, %d answered 429 (%.1f %%)%n", calls.allowed(),
                calls.refused(), 100 * calls.refusedShare());
        assertThat(calls.allowed()).isEqualTo(MESSAGES);
        assertThat(calls.refusedShare()).as("the share of calls answered 429").isLessThan(0.05);
    }

    @Test
    void a_backlog_for_a_slow_vendor_that_answers_every_call_gets_more_calls_at_once() throws Exception {
        // 8 calls of 100 ms make 80 a second, so 250 messages take more than 3 s: the places open up once a second
        TestVendors vendors = SETUP.vendors();
        vendors.syntch.server().latency(Duration.ofMillis(100));
        sendAndReceiveAllCreated(vendors, 250);
        assertThat(vendors.syntch.server().mostAtOnce(POST_CUSTOMERS)).as("calls at Syntch at once")
                .isGreaterThan(8).isLessThanOrEqualTo(32);
    }

    /** A gateway on its embedded broker; so many customers sent to customers.in, each result CREATED on customers.out. */
    private RunningGateway sendAndReceiveAllCreated(TestVendors vendors, int messages) throws Exception {
        int brokerPort = RunningGateway.freePort();
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettingsWithEmbeddedBroker(brokerPort,
                work.resolve("broker"), KEY));
        TestVendors.withUsersRetries(settings);
        RunningGateway gateway = SETUP.start(settings);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
             Connection connection = factory.createConnection("client", KEY)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer in = session.createProducer(session.createQueue("customers.in"));
            for (int i = 0; i < messages; i++) {
                in.send(session.createTextMessage(Fixtures.text("canonical-customer.json").replace("C-1001", newId())));
            }
            MessageConsumer out = session.createConsumer(session.createQueue("customers.out"));
            int created = 0;
            int results = 0;
            for (Message result; results < messages && (result = out.receive(30_000)) != null; results++) {
                if (((TextMessage) result).getText().contains("\"status\":\"CREATED\"")) {
                    created++;
                }
            }
            assertThat(created).as("results CREATED on customers.out").isEqualTo(messages);
        }
        assertThat(vendors.syntch.customerCount()).isEqualTo(messages);
        return gateway;
    }
}
