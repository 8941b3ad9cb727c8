package org.customergateway.canonical;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/** ISO 3166-1 alpha-2 and alpha-3 codes, straight from the JDK's tables rather than a list of our own. */
public final class IsoCountries {

    private static final Set<String> ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
    private static final Map<String, String> ALPHA2_TO_ALPHA3 = new HashMap<>();
    private static final Map<String, String> ALPHA3_TO_ALPHA2 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            try {
                String alpha3 = new Locale("", alpha2).getISO3Country();
                if (!alpha3.isEmpty()) {
                    ALPHA2_TO_ALPHA3.put(alpha2, alpha3);
                    ALPHA3_TO_ALPHA2.put(alpha3, alpha2);
                }
            } catch (MissingResourceException noAlpha3) {
                // a code the JDK knows only in alpha-2: it cannot be normalised, so it is not offered
            }
        }
    }

    private IsoCountries() {
    }

    /** @return the alpha-3 code for an alpha-2 or alpha-3 code (any case), or null when ISO has none */
    public static String toAlpha3(String code) {
        if (code == null) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (upper.length() == 2) {
            return ALPHA2_TO_ALPHA3.get(upper);
        }
        return upper.length() == 3 && ALPHA3.contains(upper) ? upper : null;
    }

    /** @return the alpha-2 code of a known alpha-3 code, else null */
    public static String toAlpha2(String alpha3) {
        return alpha3 == null ? null : ALPHA3_TO_ALPHA2.get(alpha3);
    }
}
