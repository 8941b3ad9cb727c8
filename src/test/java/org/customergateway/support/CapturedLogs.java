package org.customergateway.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.customergateway.ops.logging.LogLine;
import org.slf4j.LoggerFactory;

/** Every log line written while it is open, messages and stack traces, at the levels the gateway ships with. */
public final class CapturedLogs implements AutoCloseable {

    private final StringBuffer text = new StringBuffer();
    private final StringBuffer lines = new StringBuffer();
    private final LogLine layout = new LogLine();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.append(layout.doLayout(event));
            text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
    };

    public CapturedLogs() {
        appender.setContext(root.getLoggerContext());
        appender.setName("captured-" + System.nanoTime());
        appender.start();
        root.addAppender(appender);
    }

    public String text() {
        return text.toString();
    }

    /** The same events as the gateway's log writes them (LogLine), line breaks and all. */
    public String lines() {
        return lines.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
