package org.customergateway.ops.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One log event as one line a person reads:
 * {@code 12:00:00.042 INFO  [main] OutcomeRecords [trace-42] trace=4bf9… span=00f0… - customer …},
 * the correlation id and the trace and span ids only when the event has them (the MDC).
 * <p>
 * A line break inside the message or the correlation id (a value from a request, an exception's text)
 * is written as {@code \r} or {@code \n}, so no value can forge a log line; the gateway escapes the
 * other control characters itself where it logs a request's values (TextRules.loggable). A stack trace
 * follows on lines of its own. Usable from a logback.xml too:
 * {@code <layout class="org.customergateway.ops.logging.LogLine"/>}.
 */
public final class LogLine extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        String level = event.getLevel().toString();
        line.append(' ').append(level).append(" ".repeat(Math.max(0, 5 - level.length())));
        line.append(" [").append(event.getThreadName()).append("] ");
        String logger = event.getLoggerName();
        line.append(logger, logger.lastIndexOf('.') + 1, logger.length());
        Map<String, String> mdc = event.getMDCPropertyMap();
        String correlationId = mdc.get("correlationId");
        if (correlationId != null && !correlationId.isEmpty()) {
            escapeLineBreaks(line.append(" ["), correlationId).append(']');
        }
        appendIfPresent(line, " trace=", mdc.get("trace_id"));
        appendIfPresent(line, " span=", mdc.get("span_id"));
        escapeLineBreaks(line.append(" - "), event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    private static void appendIfPresent(StringBuilder line, String name, String value) {
        if (value != null && !value.isEmpty()) {
            line.append(name).append(value);
        }
    }

    static StringBuilder escapeLineBreaks(StringBuilder line, String text) {
        if (text == null) {
            return line.append("null");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> line.append("\\r");
                case '\n' -> line.append("\\n");
                default -> line.append(c);
            }
        }
        return line;
    }
}
