package org.customergateway.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line a person reads: who, which customer, which trace, and never a forged second line. */
class LogLineTest {

    private final LoggerContext context = new LoggerContext();
    private final LogLine layout = new LogLine();

    LogLineTest() {
        layout.setContext(context);
        layout.start();
    }

    @Test
    void a_line_names_the_level_thread_logger_and_message() {
        String line = layout.doLayout(event("customer C-1 created", Map.of(), null));

        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main\\] OutcomeRecords - customer C-1 created\\R");
    }

    @Test
    void the_correlation_trace_and_span_ids_follow_the_logger_when_the_event_has_them() {
        String line = layout.doLayout(event("done", Map.of("correlationId", "trace-42",
                "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736", "span_id", "00f067aa0ba902b7"), null));

        assertThat(line).contains("OutcomeRecords [trace-42] trace=4bf92f3577b34da6a3ce929d0e0e4736 span=00f067aa0ba902b7 - done");
    }

    @Test
    void a_line_break_in_the_message_or_the_correlation_id_cannot_start_a_forged_line() {
        String line = layout.doLayout(event("customer a\r\n12:00:00.000 INFO  [main] X - forged",
                Map.of("correlationId", "order-1\n12:00"), null));

        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains("[order-1\\n12:00]").contains("customer a\\r\\n12:00:00.000 INFO");
    }

    @Test
    void a_stack_trace_follows_on_lines_of_its_own() {
        String line = layout.doLayout(event("failed", Map.of(), new IllegalStateException("ledger gone")));

        assertThat(line.lines().toList()).first().asString().endsWith("- failed");
        assertThat(line).contains("java.lang.IllegalStateException: ledger gone").contains("\tat ");
    }

    @Test
    void a_line_break_in_an_exceptions_message_or_its_causes_cannot_start_a_forged_line() {
        Exception thrown = new IllegalArgumentException("The URI contain illegal characters: /x\r\nX-Injected: yes",
                new IllegalStateException("cause\nX-Forged: too\u001b[31m"));
        String line = layout.doLayout(event("failed", Map.of(), thrown));

        assertThat(line.lines()).noneMatch(each -> each.startsWith("X-"));
        assertThat(line).contains("illegal characters: /x\\r\\nX-Injected: yes")
                .contains("Caused by: java.lang.IllegalStateException: cause\\nX-Forged: too\\u001b[31m")
                .contains("\tat ");
    }

    private LoggingEvent event(String message, Map<String, String> mdc, Throwable thrown) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("org.customergateway.dispatch.OutcomeRecords"),
                Level.INFO, message, thrown, null);
        event.setThreadName("main");
        event.setMDCPropertyMap(mdc);
        return event;
    }
}
