package org.customergateway.syntch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DotNetTimestampTest {

    @Test
    void reads_a_timestamp_without_offset_as_utc() {
        assertThat(DotNetTimestamp.read("2024-03-01T09:30:00.1234567"))
                .isEqualTo(OffsetDateTime.parse("2024-03-01T09:30:00.1234567Z"));
    }

    @Test
    void reads_year_0001_as_absent() {
        assertThat(DotNetTimestamp.read("0001-01-01T00:00:00.0000000")).isNull();
        assertThat(DotNetTimestamp.read(null)).isNull();
        assertThat(DotNetTimestamp.read("")).isNull();
    }

    @Test
    void reads_a_timestamp_that_does_carry_an_offset() {
        assertThat(DotNetTimestamp.read("2024-03-01T11:30:00+02:00").toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-03-01T09:30:00Z").toInstant());
    }

    @Test
    void writes_utc_with_seven_fraction_digits_and_absent_as_year_0001() {
        assertThat(DotNetTimestamp.write(OffsetDateTime.parse("2024-03-01T11:30:00.5+02:00")))
                .isEqualTo("2024-03-01T09:30:00.5000000");
        assertThat(DotNetTimestamp.write(null)).isEqualTo("0001-01-01T00:00:00.0000000");
    }
}
