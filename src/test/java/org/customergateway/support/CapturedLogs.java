package org.customergateway.support;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Every log line written while it is open, messages and stack traces, at the levels the gateway ships with. */
public final class CapturedLogs implements AutoCloseable {

    private final StringWriter text = new StringWriter();
    private final Appender appender;
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    public CapturedLogs() {
        Configuration configuration = context.getConfiguration();
        appender = WriterAppender.newBuilder().setName("captured-" + System.nanoTime()).setTarget(text)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m%n%throwable").build()).build();
        appender.start();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, Level.ALL, null);
        configuration.getLoggers().values().forEach(logger -> logger.addAppender(appender, Level.ALL, null));
        context.updateLoggers();
    }

    public String text() {
        return text.toString();
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().removeAppender(appender.getName());
        configuration.getLoggers().values().forEach(logger -> logger.removeAppender(appender.getName()));
        context.updateLoggers();
        appender.stop();
    }
}
