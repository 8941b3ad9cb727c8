package org.customergateway.json;

import java.util.regex.Pattern;

/**
 * What a text value from outside may hold: no control character (a NUL, a CR or LF, an escape) and no
 * unpaired UTF-16 surrogate. Such a value is refused with the reason, never cleaned up silently; and
 * wherever one is written to the log, it is escaped first, so that it cannot forge a log line.
 */
public final class TextRules {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private TextRules() {
    }

    /** A whole number as written, nothing to normalise: {@code 4711}, {@code -3}, {@code 0}; not {@code 0840} or {@code -0}. */
    public static boolean isWholeNumberAsWritten(String text) {
        return WHOLE_NUMBER.matcher(text).matches() && !text.equals("-0");
    }

    /** @return why {@code text} is refused, or null when it is fine */
    public static String problemIn(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format("control character U+%04X at position %d is not allowed in text", (int) c, i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("unpaired surrogate U+%04X at position %d is not a character", (int) c, i + 1);
            }
        }
        return null;
    }

    /**
     * The value as it may go into a log line (docs/configuration.md): every control character written as an escape
     * ({@code \r}, {@code \n}, {@code \t}, else {@code \u001b}), as are the Unicode line separators.
     */
    public static String loggable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped == null) {
                continue;
            }
            if (!control) {
                escaped.append(c);
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
