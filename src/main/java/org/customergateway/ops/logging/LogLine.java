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
 * A line break inside the message, the correlation id or an exception's message (each may hold a value
 * from a request) is written as {@code \r} or {@code \n}, any other control character but a tab as
 * {@code \u001b}, so no value can forge a log line or steer a terminal. A stack trace follows on lines
 * of its own. Usable from a logback.xml too:
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
            appendThrowable(line, "", thrown, 0);
        }
        return line.toString();
    }

    /**
     * A stack trace as Logback writes it, except that each exception's message is escaped like the
     * event's: an exception may quote a request's value (a path with a line break in it).
     */
    private static void appendThrowable(StringBuilder line, String prefix, IThrowableProxy thrown, int indent) {
        line.append("\t".repeat(indent)).append(prefix).append(thrown.getClassName());
        if (thrown.getMessage() != null) {
            escapeLineBreaks(line.append(": "), thrown.getMessage());
        }
        line.append(CoreConstants.LINE_SEPARATOR);
        ThrowableProxyUtil.subjoinSTEPArray(line, indent + 1, thrown);
        for (IThrowableProxy suppressed : thrown.getSuppressed()) {
            appendThrowable(line, CoreConstants.SUPPRESSED, suppressed, indent + 1);
        }
        if (thrown.getCause() != null) {
            appendThrowable(line, CoreConstants.CAUSED_BY, thrown.getCause(), indent);
        }
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
                case '\t' -> line.append(c);
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line;
    }
}
