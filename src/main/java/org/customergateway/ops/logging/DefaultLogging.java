package org.customergateway.ops.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import co.elastic.logging.logback.EcsEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.customergateway.EnvironmentOverrides;

/**
 * The gateway's logging, unless a Logback file is named with {@code -Dlogback.configurationFile}
 * (which then replaces all of this, as Logback documents): every event at INFO and above
 * ({@code GATEWAY_LOG_LEVEL} or {@code -Dgateway.log.level} chooses another) on standard output, one
 * {@link LogLine} each, or one JSON object each in the Elastic Common Schema when
 * {@code GATEWAY_LOG_FORMAT=json} (or {@code -Dgateway.log.format=json}). Libraries' start-up chatter is
 * kept at WARN: the gateway's own start-up report says what a person needs.
 * <p>
 * Set up in code, found by Logback through {@code META-INF/services}: reading a logback.xml at every
 * start took 8 % of the start's work on the main thread, and Log4j 2 (used before) 14 % (async-profiler,
 * BENCHMARKS.md "Session 6").
 */
public final class DefaultLogging extends ContextAwareBase implements Configurator {

    /** Loggers whose level is not INFO, and why. */
    static final Map<String, Level> LEVELS = new LinkedHashMap<>();

    static {
        // Netty writes whole requests (credentials among them) when its logging handler is on: kept at INFO on purpose.
        LEVELS.put("io.netty.handler.logging", Level.INFO);
        // Artemis's audit loggers write ~44 lines at start and more every minute when idle: nothing an
        // operator of this gateway acts on.
        LEVELS.put("org.apache.activemq.audit", Level.OFF);
        LEVELS.put("org.apache.activemq", Level.WARN);
        LEVELS.put("org.flywaydb", Level.WARN);
        LEVELS.put("com.zaxxer.hikari", Level.WARN);
        LEVELS.put("org.apache.camel.component.micrometer", Level.WARN);
        LEVELS.put("org.apache.camel.component.resilience4j", Level.WARN);
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(json() ? ecs(context) : lines(context));
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level());
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Level level() {
        String level = EnvironmentOverrides.setting("gateway.log.level");
        if (level == null || level.isBlank()) {
            return Level.INFO;
        }
        Level parsed = Level.toLevel(level, null);
        if (parsed == null) {
            throw new IllegalArgumentException("gateway.log.level (GATEWAY_LOG_LEVEL) is one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, not " + level);
        }
        return parsed;
    }

    private static boolean json() {
        String format = EnvironmentOverrides.setting("gateway.log.format");
        if (format == null || format.isBlank() || format.equalsIgnoreCase("text")) {
            return false;
        }
        if (format.equalsIgnoreCase("json")) {
            return true;
        }
        throw new IllegalArgumentException("gateway.log.format (GATEWAY_LOG_FORMAT) is text or json, not " + format);
    }

    private static Encoder<ILoggingEvent> lines(LoggerContext context) {
        LogLine layout = new LogLine();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> ecs(LoggerContext context) {
        EcsEncoder encoder = new EcsEncoder();
        encoder.setContext(context);
        encoder.setServiceName("customer-gateway");
        encoder.start();
        return encoder;
    }
}
