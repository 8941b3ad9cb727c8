package org.customergateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The routes' bean steps called directly (DirectBeanSteps) end as Camel's own bean steps end: each
 * case runs through a route in a Camel context with DirectBeanSteps and in one without, and the two
 * exchanges must agree (body, headers, the message's class, the exception). Whether a step went
 * through Camel's bean binding is read off the stack inside the bean's method.
 */
public class DirectBeanStepsTest {

    /** The beans the routes below call. Public, as the gateway's are: DirectBeanSteps calls public methods only. */
    public static class Steps {
        public String greet(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            return "hello " + exchange.getIn().getHeader("who");
        }

        public String greetMessage(Message message) {
            message.setHeader("bound", bound());
            return "hello " + message.getHeader("who");
        }

        public String nothing(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            return null;
        }

        public void mark(Exchange exchange) {
            exchange.getIn().setHeader("marked", true);
            exchange.getIn().setHeader("bound", bound());
        }

        public void refuse(Exchange exchange) throws IOException {
            exchange.getIn().setHeader("bound", bound());
            throw new IOException("refused: " + exchange.getIn().getHeader("who"));
        }

        public String header(@Header("who") String who) {
            return "header " + who + " " + bound();
        }

        public Object anything(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            return "anything";
        }

        public String twice(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            return "once";
        }

        public String twice(String body) {
            return "twice";
        }

        public CompletionStage<String> later(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            String who = exchange.getIn().getHeader("who", String.class);
            return CompletableFuture.supplyAsync(() -> "later " + who);
        }

        public CompletionStage<String> now(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            return CompletableFuture.completedFuture("now");
        }

        public CompletionStage<Void> laterNothing(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            return CompletableFuture.runAsync(() -> exchange.getIn().setHeader("marked", true));
        }

        public CompletionStage<String> laterRefused(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            CompletableFuture<String> refused = new CompletableFuture<>();
            new Thread(() -> refused.completeExceptionally(new IOException("refused later"))).start();
            return refused;
        }

        /** A failure as a stage's own function throws it: Java wraps it in a CompletionException. */
        public CompletionStage<String> laterWrapped(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            return CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("thrown later");
            });
        }

        public CompletableFuture<String> laterFuture(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            return CompletableFuture.completedFuture("future");
        }

        public String plain() {
            return "plain " + bound();
        }

        public static void countStatic(Exchange exchange) {
            exchange.getIn().setHeader("bound", bound());
            exchange.getIn().setHeader("counted", 1);
        }
    }

    /** A component's own message (a file's, a JMS message's), which a bean's answer must not travel in. */
    static final class ComponentMessage extends DefaultMessage {
        ComponentMessage(CamelContext context) {
            super(context);
        }
    }

    /** "camel" when Camel's bean binding called the method, "direct" when DirectBeanSteps did. */
    static String bound() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().startsWith("org.apache.camel.component.bean.")) ? "camel" : "direct");
    }

    /** greet takes the exchange, greetMessage its in message (which Camel binds as the parameter). */
    @ParameterizedTest
    @ValueSource(strings = {"greet", "greetMessage"})
    void a_step_with_an_answer_ends_as_camels_in_only_and_in_out(String step) throws Exception {
        for (ExchangePattern pattern : ExchangePattern.values()) {
            Exchange direct = run(true, step, pattern, null);
            Exchange camels = run(false, step, pattern, null);
            assertThat(direct.getMessage().getBody()).isEqualTo("hello ada").isEqualTo(camels.getMessage().getBody());
            assertSameEnd(direct, camels);
            assertThat(direct.getMessage().getHeader("bound")).as(pattern.name()).isEqualTo("direct");
            assertThat(camels.getMessage().getHeader("bound")).as(pattern.name()).isEqualTo("camel");
        }
    }

    @Test
    void a_null_answer_empties_the_body_as_camels_does() throws Exception {
        Exchange direct = run(true, "nothing", ExchangePattern.InOnly, null);
        Exchange camels = run(false, "nothing", ExchangePattern.InOnly, null);
        assertThat(direct.getMessage().getBody()).isNull();
        assertThat(camels.getMessage().getBody()).isNull();
        assertSameEnd(direct, camels);
    }

    @Test
    void a_step_without_an_answer_keeps_the_body() throws Exception {
        Exchange direct = run(true, "mark", ExchangePattern.InOut, null);
        Exchange camels = run(false, "mark", ExchangePattern.InOut, null);
        assertThat(direct.getMessage().getBody()).isEqualTo("the body").isEqualTo(camels.getMessage().getBody());
        assertThat(direct.getMessage().getHeader("marked")).isEqualTo(true);
        assertSameEnd(direct, camels);
    }

    @Test
    void an_answer_leaves_a_components_message_behind_as_camels_does() throws Exception {
        Consumer<Exchange> componentMessage = exchange -> {
            Message message = new ComponentMessage(exchange.getContext());
            message.setBody("the body");
            message.setHeaders(Map.of("who", "ada"));
            exchange.setIn(message);
        };
        Exchange direct = run(true, "greet", ExchangePattern.InOnly, componentMessage);
        Exchange camels = run(false, "greet", ExchangePattern.InOnly, componentMessage);
        assertThat(direct.getMessage()).isExactlyInstanceOf(DefaultMessage.class);
        assertThat(direct.getMessage().getBody()).isEqualTo("hello ada");
        assertSameEnd(direct, camels);
    }

    @Test
    void what_a_step_throws_fails_the_exchange_as_camels_does() throws Exception {
        Exchange direct = run(true, "refuse", ExchangePattern.InOnly, null);
        Exchange camels = run(false, "refuse", ExchangePattern.InOnly, null);
        assertThat(direct.getException()).isExactlyInstanceOf(IOException.class).hasMessage("refused: ada");
        assertThat(camels.getException()).isExactlyInstanceOf(IOException.class).hasMessage("refused: ada");
        assertThat(direct.getMessage().getHeader("bound")).isEqualTo("direct");
    }

    /** later's value comes on another thread, now's is there at once: either way it becomes the body. */
    @ParameterizedTest
    @ValueSource(strings = {"later", "now"})
    void an_asynchronous_step_goes_on_with_its_value_as_camels_does(String step) throws Exception {
        for (ExchangePattern pattern : ExchangePattern.values()) {
            Exchange direct = run(true, step, pattern, null);
            Exchange camels = run(false, step, pattern, null);
            assertThat(direct.getMessage().getBody()).isEqualTo(camels.getMessage().getBody())
                    .isEqualTo(step.equals("now") ? "now" : "later ada");
            assertSameEnd(direct, camels);
            assertThat(direct.getMessage().getHeader("bound")).as(pattern.name()).isEqualTo("direct");
            assertThat(camels.getMessage().getHeader("bound")).as(pattern.name()).isEqualTo("camel");
        }
    }

    @Test
    void an_asynchronous_step_without_a_value_keeps_the_body_as_camels_does() throws Exception {
        Exchange direct = run(true, "laterNothing", ExchangePattern.InOnly, null);
        Exchange camels = run(false, "laterNothing", ExchangePattern.InOnly, null);
        assertThat(direct.getMessage().getBody()).isEqualTo("the body").isEqualTo(camels.getMessage().getBody());
        assertThat(direct.getMessage().getHeader("marked")).isEqualTo(true);
        assertSameEnd(direct, camels);
    }

    @Test
    void an_asynchronous_step_that_fails_fails_the_exchange_as_camels_does() throws Exception {
        Exchange direct = run(true, "laterRefused", ExchangePattern.InOnly, null);
        Exchange camels = run(false, "laterRefused", ExchangePattern.InOnly, null);
        assertThat(direct.getException()).isExactlyInstanceOf(IOException.class).hasMessage("refused later");
        assertThat(camels.getException()).isExactlyInstanceOf(IOException.class).hasMessage("refused later");
        assertThat(direct.getMessage().getHeader("bound")).isEqualTo("direct");
    }

    /** The one difference, on purpose: the exception the code threw, not Java's wrapper around it. */
    @Test
    void a_failure_java_wrapped_fails_the_exchange_with_the_exception_inside() throws Exception {
        Exchange direct = run(true, "laterWrapped", ExchangePattern.InOnly, null);
        Exchange camels = run(false, "laterWrapped", ExchangePattern.InOnly, null);
        assertThat(direct.getException()).isExactlyInstanceOf(IllegalStateException.class).hasMessage("thrown later");
        assertThat(camels.getException()).isExactlyInstanceOf(CompletionException.class)
                .hasCauseExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_method_without_parameters_answers_as_camels_does() throws Exception {
        for (ExchangePattern pattern : ExchangePattern.values()) {
            Exchange direct = run(true, "plain", pattern, null);
            Exchange camels = run(false, "plain", pattern, null);
            assertThat(direct.getMessage().getBody()).as(pattern.name()).isEqualTo("plain direct");
            assertThat(camels.getMessage().getBody()).as(pattern.name()).isEqualTo("plain camel");
            assertSameEnd(direct, camels);
        }
    }

    @Test
    void a_static_method_named_by_its_type_is_called_directly() throws Exception {
        CamelContext camel = context(true, "direct:static", "beanType", "countStatic");
        try (camel) {
            Exchange done = camel.createProducerTemplate().send("direct:static", e -> e.getIn().setBody("x"));
            assertThat(done.getMessage().getHeader("counted")).isEqualTo(1);
            assertThat(done.getMessage().getHeader("bound")).isEqualTo("direct");
            assertThat(done.getMessage().getBody()).isEqualTo("x");
        }
    }

    @Test
    void any_other_step_is_left_to_camels_bean_binding() throws Exception {
        // bound parameters, an Object answer (it might be a Callable, which Camel would call), an overloaded name
        assertThat(run(true, "header", ExchangePattern.InOnly, null).getMessage().getBody()).isEqualTo("header ada camel");
        assertThat(run(true, "anything", ExchangePattern.InOnly, null).getMessage().getHeader("bound")).isEqualTo("camel");
        assertThat(run(true, "twice", ExchangePattern.InOnly, null).getMessage().getHeader("bound")).isEqualTo("camel");
        // a CompletableFuture is a Future too, which Camel's binding might wait for: only CompletionStage is direct
        assertThat(run(true, "laterFuture", ExchangePattern.InOnly, null).getMessage().getHeader("bound")).isEqualTo("camel");
    }

    private static void assertSameEnd(Exchange direct, Exchange camels) {
        assertThat(direct.getMessage().getClass()).isEqualTo(camels.getMessage().getClass());
        assertThat(direct.getMessage().getHeaders()).containsOnlyKeys(camels.getMessage().getHeaders().keySet());
        assertThat(direct.getPattern()).isEqualTo(camels.getPattern());
        assertThat(direct.getException() == null).isEqualTo(camels.getException() == null);
    }

    /** One exchange through a route with one bean step, in a context with (or without) DirectBeanSteps. */
    private static Exchange run(boolean directSteps, String method, ExchangePattern pattern, Consumer<Exchange> prepare)
            throws Exception {
        CamelContext camel = context(directSteps, "direct:step", "ref", method);
        try (camel) {
            Exchange exchange = new DefaultExchange(camel, pattern);
            exchange.getIn().setBody("the body");
            exchange.getIn().setHeader("who", "ada");
            if (prepare != null) {
                prepare.accept(exchange);
            }
            return camel.createProducerTemplate().send("direct:step", exchange);
        }
    }

    private static CamelContext context(boolean directSteps, String from, String how, String method) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("steps", new Steps());
        if (directSteps) {
            DirectBeanSteps.install(camel);
        }
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (how.equals("ref")) {
                    from(from).bean("steps", method);
                } else {
                    from(from).bean(Steps.class, method);
                }
            }
        });
        camel.start();
        return camel;
    }
}
