package org.customergateway.canonical;

import java.util.Locale;
import org.customergateway.mapping.Mapped;
import org.customergateway.mapping.MappingLog;

/**
 * Brings a canonical customer to its one spelling: countries alpha-3 ({@code CA} becomes {@code CAN})
 * and regions without their country prefix ({@code CA-ON} becomes {@code ON}). Every mapper to a
 * vendor can then rely on that spelling.
 */
public final class CanonicalNormaliser {

    public Mapped<Customer> normalise(Customer customer) {
        MappingLog log = new MappingLog("canonical");
        Customer normalised = customer.withAddresses(
                normalise(customer.shippingAddress(), "shippingAddress", log),
                normalise(customer.billingAddress(), "billingAddress", log));
        return log.result(normalised);
    }

    private static Address normalise(Address address, String path, MappingLog log) {
        if (address == null) {
            return null;
        }
        String country = address.country();
        if (country != null && !country.isBlank()) {
            country = IsoCountries.toAlpha3(country);
            if (country == null) {
                log.violation(path + ".country", "'" + address.country() + "' is not an ISO 3166-1 alpha-2 or alpha-3 country code");
            }
        }
        return address.withCountryAndRegion(country, region(address.region(), country, path, log));
    }

    private static String region(String region, String alpha3, String path, MappingLog log) {
        if (region == null || region.isBlank()) {
            return region;
        }
        String upper = region.trim().toUpperCase(Locale.ROOT);
        int dash = upper.indexOf('-');
        if (dash < 0) {
            return upper;
        }
        String prefix = upper.substring(0, dash);
        String countryAlpha2 = IsoCountries.toAlpha2(alpha3);
        if (countryAlpha2 != null && !prefix.equals(countryAlpha2)) {
            log.violation(path + ".region", "'" + region + "' is a subdivision of " + prefix + ", not of " + alpha3);
        }
        return upper.substring(dash + 1);
    }
}
