package org.customergateway.simplepin;

import org.customergateway.json.BodyFormat;

/**
 * How the gateway talks to SimplePin.
 *
 * @param apiKey sent as {@code X-Api-Key} (SimplePin's document names no header; this is the assumption)
 * @param format JSON or XML, {@code gateway.simplepin.format}
 * @param locale used when the customer carries none, {@code gateway.simplepin.locale}
 */
public record SimplePinSettings(String apiKey, BodyFormat format, String locale) {

    @Override
    public String toString() {
        return "SimplePinSettings[apiKey=***, format=" + format + ", locale=" + locale + "]";
    }
}
