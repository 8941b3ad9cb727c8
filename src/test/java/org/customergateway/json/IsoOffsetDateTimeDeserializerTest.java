package org.customergateway.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.customergateway.canonical.Customer;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The date-times read by hand ({@link IsoDateTimes}) answer as Jackson's own deserializer and java.time do: the same moment and offset
 * for the form read by hand, and for everything else the same answer or the same refusal, since
 * Jackson's decides those.
 */
class IsoOffsetDateTimeDeserializerTest {

    private static final ObjectMapper GATEWAY = Fixtures.CODECS.json();
    /** The gateway's mapper with Jackson's own date-time deserializer back in front. */
    private static final ObjectMapper JACKSON = GATEWAY.copy().registerModule(new SimpleModule("jackson-date-times")
            .addDeserializer(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));

    static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of(
                // the form read by hand
                "2024-03-01T09:30:00.000Z", "2024-03-01T09:30:00Z", "2024-03-01T09:30:00.5Z",
                "2024-03-01T09:30:00.123456789Z", "2024-03-01T09:30:00.000+05:30", "2024-03-01T09:30:00-08:00",
                "2024-03-01T09:30:00.000+00:00", "2024-03-01T09:30:00-00:00", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999+18:00", "2024-02-29T00:00:00Z",
                // in its shape, but no real moment: refused by Jackson
                "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-03-01T24:00:00Z", "2024-03-01T09:60:00Z",
                "2024-03-01T09:30:60Z", "2024-03-01T09:30:00+18:01", "2024-03-01T09:30:00+19:00",
                "2024-03-01T09:30:00.1234567890Z", "2024-03-01T09:30:00.Z",
                // other forms: Jackson's to read or refuse
                "2024-03-01T09:30Z", "2024-03-01t09:30:00z", "2024-03-01T09:30:00+0530", "2024-03-01T09:30:00+05",
                "2024-03-01T09:30:00+05:30:15", "+10000-01-01T00:00:00Z", "2024-03-01 09:30:00Z", " 2024-03-01T09:30:00Z",
                "2024-03-01T09:30:00Z ", "2024-03-01T09:30:00", "2024-03-01", "", "2024-03-01T09:30:00,5Z",
                "2024-03-01T09:30:00.٣Z", "２024-03-01T09:30:00Z", "2024-03-01T09:30:00.000Z[UTC]"));
        // and many ordinary ones
        Random random = new Random(24);
        for (int i = 0; i < 200; i++) {
            int offsetMinutes = (random.nextInt(37) - 18) * 60 + (random.nextBoolean() ? 0 : 30);
            texts.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10000), 1 + random.nextInt(12),
                    1 + random.nextInt(31), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextBoolean() ? "" : "." + "123456789".substring(0, 1 + random.nextInt(9)),
                    offsetMinutes == 0 && random.nextBoolean() ? "Z" : String.format("%s%02d:%02d",
                            offsetMinutes < 0 ? "-" : "+", Math.abs(offsetMinutes) / 60, Math.abs(offsetMinutes) % 60)));
        }
        return texts;
    }

    @ParameterizedTest
    @MethodSource("texts")
    void answers_as_jacksons_own(String text) throws Exception {
        String json = GATEWAY.writeValueAsString(text);
        assertThat(read(GATEWAY, json)).isEqualTo(read(JACKSON, json));
    }

    /** The file drop's CSV reads its dates with {@link IsoDateTimes#read}: as java.time does, or refused as it is. */
    @ParameterizedTest
    @MethodSource("texts")
    void reads_as_java_time_does(String text) {
        assertThat(readOrRefuse(() -> IsoDateTimes.read(text))).isEqualTo(readOrRefuse(() -> OffsetDateTime.parse(text)));
    }

    @Test
    void the_usual_form_is_read_by_hand() {
        assertThat(IsoDateTimes.usual("2024-03-01T09:30:00.000Z"))
                .isEqualTo(OffsetDateTime.parse("2024-03-01T09:30:00.000Z"));
        assertThat(IsoDateTimes.usual("2024-03-01T09:30Z")).isNull();
    }

    @Test
    void a_customers_since_is_read_in_its_offset() throws Exception {
        Customer customer = GATEWAY.readValue("{\"customerId\":\"C1\",\"name\":\"N\",\"since\":\"2024-03-01T09:30:00.000+05:30\"}",
                Customer.class);
        assertThat(customer.since()).isEqualTo(OffsetDateTime.parse("2024-03-01T09:30:00+05:30"));
    }

    private static Object readOrRefuse(java.util.function.Supplier<OffsetDateTime> reading) {
        try {
            return reading.get();
        } catch (RuntimeException refused) {
            return refused.getClass();
        }
    }

    /** The value read, or the kind of refusal. */
    private static Object read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, OffsetDateTime.class);
        } catch (Exception refused) {
            return refused.getClass();
        }
    }
}
