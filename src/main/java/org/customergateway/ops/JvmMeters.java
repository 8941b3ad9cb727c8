package org.customergateway.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The JVM's and the process's own meters beside the gateway's: its version, memory, GC, threads,
 * classes, CPU, uptime and open files (jvm_*, process_*, system_cpu_*). Bound here by name rather than
 * through {@code camel.metrics.binders}, whose names Camel resolves by reading Micrometer's class index
 * at every start (3 % of a start, BENCHMARKS.md "Session 6"). The GC meters listen to the JVM until
 * the gateway stops.
 */
final class JvmMeters extends ServiceSupport {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    void bindTo(MeterRegistry meters) {
        new JvmInfoMetrics().bindTo(meters);
        new JvmMemoryMetrics().bindTo(meters);
        gc.bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ClassLoaderMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        new FileDescriptorMetrics().bindTo(meters);
    }

    @Override
    protected void doStop() {
        gc.close();
    }
}
