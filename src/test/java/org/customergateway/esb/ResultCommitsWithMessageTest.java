package org.customergateway.esb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.RouteBuilder;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue's result is sent in the consumer's own transaction and commits with the message's
 * acknowledgement (docs/queue.md): a gateway that fails between the two leaves nothing on
 * customers.out. Here the failure comes right after the result was sent: gateway.esb.out names a route
 * that sends the result to customers.out and then fails, the first time only. The transaction rolls
 * back, the broker delivers the message again, and customers.out holds one result, the replay of the
 * first dispatch, for a customer created once. A result sent in a transaction of its own (or from
 * another thread than the consumer's) would be there twice.
 */
class ResultCommitsWithMessageTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @TempDir
    Path data;

    private static final String API_KEY = "k-result-commits";

    private final AtomicInteger resultsSent = new AtomicInteger();

    @Test
    void a_failure_after_the_result_was_sent_takes_the_result_back_with_the_message() throws Exception {
        try (TestVendors vendors = new TestVendors()) {
            int port = RunningGateway.freePort();
            Map<String, String> settings = vendors.gatewaySettingsWithEmbeddedBroker(port, data.resolve("broker"), API_KEY);
            settings.put("gateway.esb.out", "direct:result-then-failure");
            SETUP.start(settings, Map.of("resultThenFailure", new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:result-then-failure")
                            .to("jms:queue:customers.out")
                            .process(exchange -> {
                                if (resultsSent.incrementAndGet() == 1) {
                                    throw new IllegalStateException("the gateway fails after sending the result");
                                }
                            });
                }
            }));

            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://localhost:" + port);
            try (factory; Connection connection = factory.createConnection("client", API_KEY)) {
                connection.start();
                String id = newId();
                FireAndForget customer = new FireAndForget(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), id, "once-" + id);
                MessageConsumer out = customer.results();
                customer.send();

                Message result = out.receive(30_000);
                assertThat(result).as("the result of the second delivery").isNotNull();
                assertThat(((TextMessage) result).getText()).contains("\"status\":\"CREATED\"").contains("\"replayed\":true");
                assertThat(out.receive(3_000)).as("the first delivery's result, rolled back with it").isNull();
                assertThat(resultsSent).as("the result was sent twice, and the first send failed").hasValue(2);
                assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).as("created once").isEqualTo(1);
            }
        }
    }
}
