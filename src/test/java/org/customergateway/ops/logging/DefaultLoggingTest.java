package org.customergateway.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import co.elastic.logging.logback.EcsEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the gateway logs when nobody configured Logback, and that a Logback file still takes over. */
class DefaultLoggingTest {

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clearProperties() {
        System.clearProperty("gateway.log.format");
        System.clearProperty("gateway.log.level");
        System.clearProperty("logback.configurationFile");
    }

    @Test
    void lines_on_the_console_at_info_with_the_libraries_quieter() {
        assertThat(configure()).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(((ConsoleAppender<?>) root.getAppender("console")).getEncoder())
                .isInstanceOfSatisfying(LayoutWrappingEncoder.class, encoder -> assertThat(encoder.getLayout()).isInstanceOf(LogLine.class));
        assertThat(context.getLogger("org.apache.activemq.audit.base").getEffectiveLevel()).isEqualTo(Level.OFF);
        assertThat(context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.customergateway.dispatch.OutcomeRecords").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void json_in_the_elastic_common_schema_when_asked() {
        System.setProperty("gateway.log.format", "json");

        configure();

        assertThat(((ConsoleAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console")).getEncoder())
                .isInstanceOf(EcsEncoder.class);
    }

    @Test
    void another_level_when_asked_and_a_misspelt_one_refused() {
        System.setProperty("gateway.log.level", "warn");
        configure();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);

        System.setProperty("gateway.log.level", "verbose");
        assertThatThrownBy(this::configure).hasMessageContaining("not verbose");
    }

    @Test
    void an_unknown_format_stops_the_start_with_the_choices() {
        System.setProperty("gateway.log.format", "yaml");

        assertThatThrownBy(this::configure).hasMessageContaining("text or json, not yaml");
    }

    @Test
    void a_logback_file_named_on_the_command_line_replaces_it_all() {
        System.setProperty("logback.configurationFile", "my-logback.xml");

        assertThat(configure()).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console")).isNull();
    }

    private ExecutionStatus configure() {
        DefaultLogging logging = new DefaultLogging();
        logging.setContext(context);
        return logging.configure(context);
    }
}
