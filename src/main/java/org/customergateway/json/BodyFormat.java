package org.customergateway.json;

import java.util.Locale;

/** The body formats the gateway reads, chosen by Content-Type (or a file's extension). */
public enum BodyFormat {
    JSON("application/json"), XML("application/xml"), CSV("text/csv");

    private final String mediaType;

    BodyFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * @param contentType a Content-Type header, parameters allowed; {@code +json} and {@code +xml}
     *                    suffixes count; a missing header means JSON
     * @throws UnsupportedFormatException for anything else
     */
    public static BodyFormat fromContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return JSON;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return JSON;
        }
        if (type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml")) {
            return XML;
        }
        if (type.equals("text/csv")) {
            return CSV;
        }
        throw new UnsupportedFormatException(contentType);
    }

    public static final class UnsupportedFormatException extends RuntimeException {
        public UnsupportedFormatException(String contentType) {
            super("Content-Type '" + contentType + "' is not supported: send application/json, application/xml or text/csv");
        }
    }
}
