package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.customergateway.mapping.SchemaName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gathering of routes/customer-dispatch-action's recipient list, in Camel's own recipient list: the
 * outcomes in the target's order, the caller's headers and properties as they were before the sinks
 * (which wipe their copy's headers, as the vendor sinks do), and a sink that fails outright failing the
 * dispatch. Two sinks stand in for the vendors' here: the gathering, not the vendors, is under test.
 */
class OutcomesInOrderTest {

    private final CamelContext camel = new DefaultCamelContext();
    private ProducerTemplate caller;

    @BeforeEach
    void start() throws Exception {
        camel.getRegistry().bind("outcomesInOrder", new OutcomesInOrder());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dispatch").recipientList(exchangeProperty("sinks")).aggregationStrategy("#outcomesInOrder");
                from("direct:created").removeHeaders("*").setProperty("sinkWasHere", constant(true))
                        .process(e -> e.getMessage().setBody(outcome("simplepin", OutcomeStatus.CREATED)));
                from("direct:exists").removeHeaders("*")
                        .process(e -> e.getMessage().setBody(outcome("syntch", OutcomeStatus.ALREADY_EXISTS)));
                from("direct:broken").removeHeaders("*").throwException(new IllegalStateException("the ledger is gone"));
            }
        });
        camel.start();
        caller = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void outcomes_in_the_targets_order_and_the_callers_headers_and_properties_as_they_were() {
        Exchange done = dispatch("direct:created,direct:exists");
        assertThat(done.getException()).isNull();
        DispatchResult result = done.getMessage().getBody(DispatchResult.class);
        assertThat(result.outcomes()).extracting(Outcome::vendor).containsExactly("simplepin", "syntch");
        assertThat(result.outcomes()).extracting(Outcome::status)
                .containsExactly(OutcomeStatus.CREATED, OutcomeStatus.ALREADY_EXISTS);
        assertThat(result.correlationId()).isEqualTo("corr-1");
        assertThat(result.customerId()).isEqualTo("C-1");
        assertThat(done.getMessage().getHeaders()).containsEntry("JMSReplyTo", "queue://replies")
                .containsEntry("Accept", "application/xml");
        assertThat(done.getProperties()).doesNotContainKeys("sinkWasHere", "GatewayOutcomes");
    }

    @Test
    void the_raw_vendor_answer_only_when_asked() {
        Exchange done = dispatch("direct:created");
        assertThat(done.getMessage().getBody(DispatchResult.class).outcomes().get(0).vendorResponse()).isNull();
    }

    @Test
    void a_sink_that_fails_outright_fails_the_dispatch() {
        Exchange done = dispatch("direct:created,direct:broken");
        assertThat(done.getException()).isInstanceOf(IllegalStateException.class).hasMessage("the ledger is gone");
        assertThat(done.getMessage().getBody()).isNotInstanceOf(DispatchResult.class);
    }

    private Exchange dispatch(String sinks) {
        return caller.send("direct:dispatch", exchange -> {
            exchange.setProperty("sinks", sinks);
            exchange.setProperty(DispatchProperties.REQUEST, new DispatchRequest(SchemaName.CANONICAL, Map.of(),
                    Target.BOTH, "corr-1", false, new Origin("esb", "application/json", new byte[0], Map.of(), null), null, true));
            exchange.setProperty(DispatchProperties.CUSTOMER_ID, "C-1");
            exchange.getMessage().setHeader("JMSReplyTo", "queue://replies");
            exchange.getMessage().setHeader("Accept", "application/xml");
            exchange.getMessage().setBody("the customer");
        });
    }

    private static Outcome outcome(String vendor, OutcomeStatus status) {
        return new Outcome(vendor, status, 200, "42", 1, List.of(), List.of(), null, null, "{\"raw\":true}", null, false);
    }
}
