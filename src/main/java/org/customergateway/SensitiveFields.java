package org.customergateway;

import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.support.processor.DefaultMaskingFormatter;

/**
 * The log mask Camel applies when {@code camel.main.log-mask} is on: Camel's own secret keywords
 * (password, secret, token, ...) plus the vendors' credential headers and every field that carries a
 * person's e-mail address or phone number, in all three schemas' spellings.
 */
final class SensitiveFields {

    static final Set<String> KEYWORDS = Set.of(
            "X-Api-Key", "Authorization", "api-key", "apiKey", "api-keys",
            "email", "phone", "mobile", "eveningPhone", "fax",
            "contract_email", "phone_number", "mobile_number",
            "EmailAddress", "DaytimeTelephoneNumber", "NighttimeTelephoneNumber", "MobileTelephoneNumber", "FaxNumber");

    private SensitiveFields() {
    }

    static MaskingFormatter formatter(CamelContext context) {
        DefaultMaskingFormatter formatter = new DefaultMaskingFormatter(context);
        KEYWORDS.forEach(formatter::addKeyword);
        return formatter;
    }
}
