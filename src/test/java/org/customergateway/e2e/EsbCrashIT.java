package org.customergateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.customergateway.support.PackagedGateway;
import org.customergateway.support.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue entry with the packaged gateway as separate processes: killed with SIGKILL while messages
 * are in flight and started again, it loses none and creates none twice; two gateways on one queue
 * share the work and create each customer once.
 */
class EsbCrashIT {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_gateway_killed_with_messages_in_flight_loses_none_and_creates_none_twice(String ledger) throws Exception {
        int messages = 200;
        // 32 consumers at 200 ms a customer: about 160 a second, so the kill finds most still queued
        String schema = "cg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (TestVendors vendors = new TestVendors()) {
            vendors.syntch.server().latency(Duration.ofMillis(200));
            int brokerPort = RunningGateway.freePort();
            Map<String, String> env = environment(vendors, brokerPort, true);
            env.put("GATEWAY_LEDGER_URL", "jdbc:sqlite:" + work.resolve("ledger.db").toAbsolutePath());
            if (ledger.equals("postgresql")) {
                Postgres.execute("CREATE SCHEMA " + schema);
                env.put("GATEWAY_LEDGER_URL", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
                env.put("GATEWAY_LEDGER_USERNAME", "postgres");
            }

            PackagedGateway first = start(env, "first");
            List<String> ids = send(brokerPort, messages);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> vendors.syntch.customerCount() >= 30);
            first.kill();
            assertThat(first.process().isAlive()).isFalse();
            assertThat(vendors.syntch.customerCount()).as("killed with messages left").isLessThan(messages);

            try (PackagedGateway second = start(env, "second")) {
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> vendors.syntch.customerCount() == messages);
            }
            assertThat(ids).allMatch(id -> vendors.syntch.customer(id) != null);
            // at most the messages in flight at the kill (one per consumer: 32) are sent again, and Syntch
            // refuses them as duplicates
            assertThat(vendors.syntch.duplicateCreates()).isLessThanOrEqualTo(32);
        } finally {
            if (ledger.equals("postgresql")) {
                Postgres.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void two_gateways_on_one_queue_share_the_work_and_create_each_customer_once() throws Exception {
        int messages = 200;
        String schema = "cg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Postgres.execute("CREATE SCHEMA " + schema);
        try (TestVendors vendors = new TestVendors()) {
            vendors.syntch.server().latency(Duration.ofMillis(20));
            int brokerPort = RunningGateway.freePort();
            String ledger = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
            Map<String, String> withBroker = environment(vendors, brokerPort, true);
            withBroker.put("GATEWAY_LEDGER_URL", ledger);
            withBroker.put("GATEWAY_LEDGER_USERNAME", "postgres");
            Map<String, String> withoutBroker = environment(vendors, brokerPort, false);
            withoutBroker.put("GATEWAY_LEDGER_URL", ledger);
            withoutBroker.put("GATEWAY_LEDGER_USERNAME", "postgres");

            PackagedGateway one = start(withBroker, "one");
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                new ActiveMQConnectionFactory("tcp://localhost:" + brokerPort).createConnection().close();
                return true;
            });
            try (one; PackagedGateway two = start(withoutBroker, "two")) {
                // its start-up report comes once every route, the queue's consumer included, has started
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> two.log()
                        .contains("queue jms:queue:customers.in"));
                List<String> ids = send(brokerPort, messages);
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> vendors.syntch.customerCount() == messages);
                assertThat(ids).allMatch(id -> vendors.syntch.customer(id) != null);
                assertThat(vendors.syntch.duplicateCreates()).isZero();
                assertThat(handled(one.log())).as("first gateway's share").isPositive();
                assertThat(handled(two.log())).as("second gateway's share").isPositive();
            }
        } finally {
            Postgres.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static long handled(String log) {
        return log.lines().filter(line -> line.contains("at syntch: CREATED")).count();
    }

    private Map<String, String> environment(TestVendors vendors, int brokerPort, boolean embeddedBroker) {
        Map<String, String> env = new HashMap<>();
        vendors.gatewaySettings().forEach((key, value) -> env.put(PackagedGateway.environmentName(key), value));
        env.put("CAMEL_SERVER_PORT", String.valueOf(RunningGateway.freePort()));
        env.put("GATEWAY_DEFAULT_TARGET", "syntch");
        env.put("GATEWAY_FILEDROP_DIR", work.resolve("drop-" + UUID.randomUUID()).toString());
        env.put("GATEWAY_ESB_EMBEDDED_BROKER_ENABLED", String.valueOf(embeddedBroker));
        env.put("GATEWAY_ESB_EMBEDDED_BROKER_PORT", String.valueOf(brokerPort));
        env.put("GATEWAY_ESB_EMBEDDED_BROKER_DATA_DIR", work.resolve("broker").toString());
        env.put("GATEWAY_ESB_BROKER_URL", "tcp://localhost:" + brokerPort);
        // what makes the instance without a broker a gateway at the other's, not a client
        env.put("GATEWAY_ESB_BROKER_PASSWORD", "instances-" + brokerPort);
        env.put("GATEWAY_IDEMPOTENCY_LEASE_SECONDS", "3");
        env.put("GATEWAY_IDEMPOTENCY_WAIT_SECONDS", "20");
        return env;
    }

    private static List<String> send(int brokerPort, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://localhost:" + brokerPort)) {
            Connection connection = Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(factory::createConnection, c -> true);
            try (connection) {
                // one transaction: all of them on the queue at once, however slow each send is on a busy
                // machine (sent one by one, the gateway could finish them before the last was sent)
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer producer = session.createProducer(session.createQueue("customers.in"));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                String template = Fixtures.text("canonical-customer.json");
                for (int i = 0; i < count; i++) {
                    String id = "Q-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
                    ids.add(id);
                    TextMessage message = session.createTextMessage(template.replace("C-1001", id));
                    producer.send(message);
                }
                session.commit();
            }
        }
        return ids;
    }

    /** The packaged jar, in a working directory of its own under the test's (its log: NAME/gateway.log). */
    private PackagedGateway start(Map<String, String> env, String name) {
        return PackagedGateway.start(work.resolve(name), env);
    }
}
