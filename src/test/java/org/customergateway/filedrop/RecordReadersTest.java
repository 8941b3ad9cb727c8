package org.customergateway.filedrop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.customergateway.json.BodyFormat;
import org.customergateway.support.Fixtures;
import org.customergateway.support.TestCustomers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A file's records, read as they stream by. Camel's split asks its iterator once more as it finishes,
 * after the last record: the answer must still be "no more", not an error (it was, for a JSON array and
 * an XML list, logged as a warning at the end of every such file).
 */
class RecordReadersTest {

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void after_the_last_record_there_is_still_none(BodyFormat format) throws Exception {
        Iterator<FileRecord> records = new RecordReaders(Fixtures.CODECS, Fixtures.translator())
                .read(new ByteArrayInputStream(twoCustomers(format)), format);
        assertThat(records.next().isReadable()).isTrue();
        assertThat(records.next().isReadable()).isTrue();
        assertThat(records.hasNext()).isFalse();
        assertThat(records.hasNext()).as("asked again").isFalse();
    }

    private static byte[] twoCustomers(BodyFormat format) throws Exception {
        return switch (format) {
            case JSON -> {
                String customer = Files.readString(Path.of("src/test/resources/fixtures/canonical-customer.json"));
                yield ("[" + customer + "," + customer + "]").getBytes(StandardCharsets.UTF_8);
            }
            case XML -> {
                String customer = Files.readString(Path.of("src/test/resources/fixtures/canonical-customer.xml"))
                        .replaceFirst("<\\?xml[^>]*\\?>", "");
                yield ("<customers>" + customer + customer + "</customers>").getBytes(StandardCharsets.UTF_8);
            }
            case CSV -> (TestCustomers.CSV_HEADER + "\n"
                    + TestCustomers.csvRow("RR-1", "One Ltd", "ACTIVE", "1 A St") + "\n"
                    + TestCustomers.csvRow("RR-2", "Two Ltd", "ACTIVE", "2 B St") + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }
}
