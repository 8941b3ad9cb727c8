package org.customergateway.simplepin;

import java.util.ArrayList;
import java.util.List;

/**
 * SimplePin keeps an address in one string; the canonical model (and Syntch) in lines of at most
 * 50 characters. Joining and packing are each other's inverse whenever no part exceeds 50
 * characters, so a SimplePin address goes out and back unchanged.
 */
public final class SimplePinAddressLines {

    public static final int MAX_LINE = 50;
    private static final String SEPARATOR = ", ";

    private SimplePinAddressLines() {
    }

    /** The non-empty lines joined with {@code ", "}; null when there are none. */
    public static String join(List<String> lines) {
        if (lines == null) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                if (joined.length() > 0) {
                    joined.append(SEPARATOR);
                }
                joined.append(line.strip());
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    /**
     * Splits on {@code ", "} and packs the parts greedily into lines of at most 50 characters. A part
     * longer than 50 is wrapped at spaces; a single word longer than 50 stays whole (and is reported
     * too long by the target's validation rather than cut).
     */
    public static List<String> split(String address) {
        if (address == null || address.isBlank()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(3);
        StringBuilder line = new StringBuilder(MAX_LINE);
        for (String part : address.strip().split(SEPARATOR)) {
            if (part.isBlank()) {
                continue;
            }
            if (part.length() > MAX_LINE) {
                flush(line, lines);
                wrapAtSpaces(part, lines);
            } else if (line.length() > 0 && line.length() + SEPARATOR.length() + part.length() <= MAX_LINE) {
                line.append(SEPARATOR).append(part);
            } else {
                flush(line, lines);
                line.append(part);
            }
        }
        flush(line, lines);
        return lines;
    }

    private static void wrapAtSpaces(String part, List<String> lines) {
        StringBuilder line = new StringBuilder(MAX_LINE);
        for (String word : part.split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > MAX_LINE) {
                flush(line, lines);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        flush(line, lines);
    }

    private static void flush(StringBuilder line, List<String> lines) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }
}
