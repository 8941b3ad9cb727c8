package org.customergateway.ops;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.apache.camel.support.service.ServiceSupport;

/**
 * OpenTelemetry tracing, off unless the standard variables turn it on ({@code OTEL_TRACES_EXPORTER=otlp},
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}, and the SDK's
 * other {@code OTEL_*} settings): a create is one trace, with a span per route it crosses, so one per
 * vendor attempt (each redelivery of {@code direct:<vendor>-attempt}); the vendor calls carry the trace
 * to the vendor ({@code traceparent}); the trace and span ids are in the per-customer log line.
 */
public final class Tracing extends ServiceSupport {

    private final OpenTelemetrySdk sdk;

    private Tracing(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
    }

    /** @param settings reads an OpenTelemetry setting by its environment name (OTEL_TRACES_EXPORTER) */
    public static void enableIfAsked(CamelContext context, Function<String, String> settings) {
        String exporter = settings.apply("OTEL_TRACES_EXPORTER");
        if (exporter == null || exporter.isBlank() || exporter.trim().equals("none")) {
            return;
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                // defaults only: the OTEL_* variables and otel.* system properties take precedence
                .addPropertiesSupplier(() -> Map.of("otel.service.name", "customer-gateway",
                        "otel.metrics.exporter", "none", "otel.logs.exporter", "none"))
                .setResultAsGlobal()
                .build().getOpenTelemetrySdk();
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        // the trace and span ids ride on the exchange, for the log line
        tracer.setTraceHeadersInclusion(true);
        tracer.init(context);
        try {
            context.addService(new Tracing(sdk), true, true);
        } catch (Exception e) {
            throw new IllegalStateException("tracing could not be started", e);
        }
    }

    @Override
    protected void doStop() {
        // what is still buffered is sent before the process ends
        sdk.close();
    }
}
