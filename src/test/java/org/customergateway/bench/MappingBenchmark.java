package org.customergateway.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.customergateway.canonical.Customer;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.SchemaName;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.support.Fixtures;
import org.customergateway.translation.Translation;
import org.customergateway.translation.Translator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What mapping costs on top of Jackson. Each pair reads the same document: the baseline reads it into
 * its own model and writes that model back in the same format (the least any gateway must do); the
 * mapping reads it, maps it through canonical to Syntch, validates it against Syntch's rules and
 * writes Syntch JSON. Run with {@code bench/mapping.sh}; figures in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class MappingBenchmark {

    private final Codecs codecs = Fixtures.CODECS;
    private final Translator translator = Fixtures.translator();
    private final byte[] canonicalJson = Fixtures.bytes("canonical-customer.json");
    private final byte[] simplePinXml = Fixtures.bytes("simplepin-request.xml");

    @Benchmark
    public byte[] canonicalJson_bareJacksonReadWrite() throws IOException {
        Customer customer = codecs.json().readValue(canonicalJson, Customer.class);
        return codecs.json().writeValueAsBytes(customer);
    }

    @Benchmark
    public byte[] canonicalJson_toSyntchJson() throws IOException {
        Translation translation = translator.translate(SchemaName.CANONICAL, SchemaName.SYNTCH, canonicalJson, BodyFormat.JSON);
        return codecs.json().writeValueAsBytes(translation.body());
    }

    @Benchmark
    public byte[] simplePinXml_bareJacksonReadWrite() throws IOException {
        CCProfileApiV2Model profile = codecs.xml().readValue(simplePinXml, CCProfileApiV2Model.class);
        return codecs.writer(BodyFormat.XML).writeValueAsBytes(profile);
    }

    @Benchmark
    public byte[] simplePinXml_toSyntchJson() throws IOException {
        Translation translation = translator.translate(SchemaName.SIMPLEPIN, SchemaName.SYNTCH, simplePinXml, BodyFormat.XML);
        return codecs.json().writeValueAsBytes(translation.body());
    }
}
