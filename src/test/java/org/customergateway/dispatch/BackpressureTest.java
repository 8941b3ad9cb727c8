package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.dropCsv;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.customergateway.simulation.Fault;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/flow.md: while a vendor's circuit is open the file drop and the queue wait for it, instead of turning
 * their backlog into dead letters; they go on when it closes. The breaker here opens after 4 failed
 * calls (a window of 4) and half-opens after 2 s; one attempt per customer.
 */
class BackpressureTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @TempDir
    Path work;
    private TestVendors vendors;
    private RunningGateway gateway;
    private int brokerPort;

    @BeforeEach
    void start() {
        vendors = new TestVendors();
        brokerPort = RunningGateway.freePort();
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.filedrop.dir", work.resolve("drop").toString());
        settings.put("gateway.filedrop.settle-ms", "200");
        settings.put("gateway.filedrop.poll-ms", "100");
        settings.put("gateway.filedrop.parallelism", "1");
        settings.put("gateway.retry.max-attempts", "1");
        settings.put("gateway.esb.enabled", "true");
        settings.put("gateway.esb.in", "jms:queue:customers.in?transacted=true&concurrentConsumers=1");
        settings.put("gateway.esb.embedded-broker.enabled", "true");
        settings.put("gateway.esb.embedded-broker.port", String.valueOf(brokerPort));
        settings.put("gateway.esb.embedded-broker.data-dir", work.resolve("broker").toString());
        settings.putAll(TestVendors.breakerOverTheLastFourCalls(2));
        gateway = SETUP.start(settings);
    }

    @AfterEach
    void stop() {
        gateway.close();
        vendors.close();
    }

    @Test
    void the_file_drop_waits_while_the_circuit_is_open_and_goes_on_when_it_closes() throws Exception {
        failTheNextFourCreates();
        Path drop = work.resolve("drop");
        dropCsv(drop, "inbox/syntch/wait.csv", "Waiting", 10);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("done/wait.csv")));

        List<String> rows = Files.readAllLines(drop.resolve("reports/wait.csv.report.csv"));
        rows = rows.subList(1, rows.size());
        // the four calls that opened the circuit failed, and at most one record in flight as it opened
        // (the file drop runs the pool's thread and the reading thread); every record after waited for
        // the circuit to close and was created
        assertThat(rows).hasSize(10);
        assertThat(rows).filteredOn(row -> row.contains("circuit open")).hasSizeLessThanOrEqualTo(1);
        assertThat(rows).filteredOn(row -> row.contains(",CREATED,")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(rows).allMatch(row -> row.contains(",CREATED,") || row.contains(",FAILED,"));
    }

    @Test
    void a_file_for_a_healthy_vendor_goes_on_while_another_vendors_file_waits_for_its_circuit() throws Exception {
        // Syntch keeps failing: its circuit opens and each trial call opens it again
        for (int i = 0; i < 1000; i++) {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
        }
        Path drop = work.resolve("drop");
        dropCsv(drop, "inbox/syntch/waits.csv", "Waiting", 10);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> vendors.syntch.server().requests(POST_CUSTOMERS) >= 4);
        dropCsv(drop, "inbox/simplepin/healthy.csv", "Waiting", 30);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("done/healthy.csv")));

        List<String> rows = Files.readAllLines(drop.resolve("reports/healthy.csv.report.csv"));
        assertThat(rows.subList(1, rows.size())).hasSize(30).allMatch(row -> row.contains(",CREATED,"));
        assertThat(drop.resolve("done/waits.csv")).as("Syntch's file still waits for its circuit").doesNotExist();
    }

    @Test
    void the_queue_waits_while_the_circuit_is_open_and_goes_on_when_it_closes() throws Exception {
        failTheNextFourCreates();
        // the gateway's own rights: the test reads customers.dlq, and stands in for another instance
        try (Connection connection = gateway.brokerConnection()) {
            Session session = started(connection);
            putCustomers(session, 8);
            MessageConsumer results = session.createConsumer(session.createQueue("customers.out"));
            int created = 0;
            for (Message result; created < 4 && (result = results.receive(20_000)) != null; ) {
                if (((TextMessage) result).getText().contains("\"CREATED\"")) {
                    created++;
                }
            }
            assertThat(created).as("the four after the circuit opened, created once it closed").isEqualTo(4);
            MessageConsumer poison = session.createConsumer(session.createQueue("customers.dlq"));
            int dead = 0;
            while (poison.receive(1_000) != null) {
                dead++;
            }
            assertThat(dead).as("only the four whose calls opened the circuit").isEqualTo(4);
        }
    }

    @Test
    void while_the_circuit_is_open_the_queue_leaves_its_backlog_on_the_broker_for_other_instances() throws Exception {
        failTheNextFourCreates();
        // the gateway's own rights: the test reads customers.dlq, and stands in for another instance
        try (Connection connection = gateway.brokerConnection()) {
            Session session = started(connection);
            putCustomers(session, 4);
            // the four whose calls opened the circuit are dead letters: the circuit is open now
            MessageConsumer poison = session.createConsumer(session.createQueue("customers.dlq"));
            for (int dead = 0; dead < 4; dead++) {
                assertThat(poison.receive(20_000)).as("dead letter " + (dead + 1)).isNotNull();
            }
            putCustomers(session, 10);
            // the gateway's one consumer waits at the circuit with one message; another instance's
            // consumer finds the other nine on the broker, not read ahead into the waiting one
            MessageConsumer otherInstance = session.createConsumer(session.createQueue("customers.in"));
            int taken = 0;
            while (otherInstance.receive(300) != null) {
                taken++;
            }
            assertThat(taken).isGreaterThanOrEqualTo(8);
        }
    }

    /** Four 503s at Syntch: with one attempt each, the circuit (a window of four calls) opens on them. */
    private void failTheNextFourCreates() {
        for (int i = 0; i < 4; i++) {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
        }
    }


    private static Session started(Connection connection) throws Exception {
        connection.start();
        return connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** Puts that many customers for Syntch on the queue the gateway consumes. */
    private static void putCustomers(Session session, int count) throws Exception {
        MessageProducer producer = session.createProducer(session.createQueue("customers.in"));
        for (int i = 0; i < count; i++) {
            producer.send(customer(session));
        }
        producer.close();
    }

    private static TextMessage customer(Session session) throws Exception {
        TextMessage message = session.createTextMessage(Fixtures.text("canonical-customer.json").replace("C-1001", newId()));
        message.setStringProperty("GatewayTarget", "syntch");
        return message;
    }
}
