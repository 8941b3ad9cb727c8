package org.customergateway.simplepin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The entries SimplePin's look-up endpoints answer: {@code /v2/countries} and {@code /v2/provinces}. */
public final class SimplePinLookupEntries {

    private SimplePinLookupEntries() {
    }

    /** {@code {"id":124,"code":"CA","name":"Canada"}}; the code is ISO alpha-2. */
    public record CountryEntry(int id, String code, String name) {
    }

    /** {@code {"id":52,"country_id":124,"code":"AB","name":"Alberta"}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProvinceEntry(int id, int countryId, String code, String name) {
    }
}
