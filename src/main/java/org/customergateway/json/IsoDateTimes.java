package org.customergateway.json;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The ISO-8601 date-time with offset in the form customers carry theirs, {@code 2024-03-01T09:30:00.000Z}
 * ({@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, {@code Z} or {@code +hh:mm}), read by
 * hand: java.time's formatter costs five times as much (0.83 against 0.15 µs a read, BENCHMARKS.md session
 * 13). Any other form is java.time's to read or refuse, so what is accepted, and each refusal, stay as
 * they were (IsoOffsetDateTimeDeserializerTest).
 */
public final class IsoDateTimes {

    private IsoDateTimes() {
    }

    /** As {@link OffsetDateTime#parse(CharSequence)}: the usual form by hand, any other by java.time. */
    public static OffsetDateTime read(String text) throws DateTimeParseException {
        OffsetDateTime usual = usual(text);
        return usual != null ? usual : OffsetDateTime.parse(text);
    }

    /**
     * The date-time in the usual form, or null when {@code text} is in another form (which java.time may
     * still read) or names no real moment.
     */
    public static OffsetDateTime usual(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            int count = at - start;
            if (count < 1 || count > 9) {
                return null;
            }
            nanos = digits(text, start, count);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static ZoneOffset offset(String text, int at) {
        int left = text.length() - at;
        if (left == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = left == 6 ? text.charAt(at) : 0;
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The ASCII digits at {@code from} as a number, or -1 when one of them is no digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
