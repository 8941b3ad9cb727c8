package org.customergateway.syntch;

import java.util.List;

/**
 * The StateOrProvinceCode values Syntch allows, in the order of its document: the 51 USA codes
 * (states and DC), then the 13 Canadian ones. The SimplePin snapshot numbers its provinces in this
 * same order, which a test holds it to.
 */
public final class SyntchRegions {

    /** Kept as one constant so that the validation annotation and the JSON Schema share it. */
    public static final String PATTERN = "AK|AL|AR|AZ|CA|CO|CT|DC|DE|FL|GA|HI|IA|ID|IL|IN|KS|KY|LA|MA|MD|ME|MI|MN|MO|MS|MT"
            + "|NC|ND|NE|NH|NJ|NM|NV|NY|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VA|VT|WA|WI|WV|WY"
            + "|AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT";

    private static final List<String> CODES = List.of(PATTERN.split("\\|"));
    private static final int USA_CODES = CODES.indexOf("WY") + 1;

    private SyntchRegions() {
    }

    /** All codes, in the document's order. */
    public static List<String> codes() {
        return CODES;
    }

    /** The alpha-3 country a code belongs to, or null when Syntch does not know the code. */
    public static String countryOf(String code) {
        int index = CODES.indexOf(code);
        if (index < 0) {
            return null;
        }
        return index < USA_CODES ? "USA" : "CAN";
    }
}
