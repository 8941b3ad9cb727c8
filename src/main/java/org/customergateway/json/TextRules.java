package org.customergateway.json;

/**
 * What a text value from outside may hold: no control character (a NUL, a CR or LF, an escape) and no
 * unpaired UTF-16 surrogate. Such a value is refused with the reason, never cleaned up silently.
 */
public final class TextRules {

    private TextRules() {
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
}
