package org.customergateway.syntch;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Syntch's timestamps as ServiceStack writes .NET DateTimes: {@code 2024-03-01T09:30:00.0000000},
 * no offset (taken as UTC), and {@code 0001-01-01T00:00:00.0000000} (DateTime.MinValue) for "none".
 */
public final class DotNetTimestamp {

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");
    public static final String ABSENT = "0001-01-01T00:00:00.0000000";

    private DotNetTimestamp() {
    }

    /** @return the instant at UTC, or null for an absent, empty or year-0001 value */
    public static OffsetDateTime read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        OffsetDateTime value;
        try {
            value = OffsetDateTime.parse(text);
        } catch (DateTimeParseException noOffset) {
            value = LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
        }
        return value.getYear() <= 1 ? null : value;
    }

    public static String write(OffsetDateTime value) {
        if (value == null) {
            return ABSENT;
        }
        return WRITE.format(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }
}
