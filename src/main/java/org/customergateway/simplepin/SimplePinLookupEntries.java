package org.customergateway.simplepin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/** The entries SimplePin's look-up endpoints answer: {@code /v2/countries} and {@code /v2/provinces}. */
public final class SimplePinLookupEntries {

    private SimplePinLookupEntries() {
    }

    /** {@code {"id":124,"code":"CA","name":"Canada"}}; the code is ISO alpha-2. */
    public record CountryEntry(int id, String code, String name) {
    }

    /** The countries in XML: {@code <countries><country>...</country></countries>} (JSON is the bare array). */
    @JacksonXmlRootElement(localName = "countries")
    public record Countries(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "country")
                            List<CountryEntry> countries) {
    }

    /** The provinces in XML: {@code <provinces><province>...</province></provinces>}. */
    @JacksonXmlRootElement(localName = "provinces")
    public record Provinces(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "province")
                            List<ProvinceEntry> provinces) {
    }

    /** {@code {"id":52,"country_id":124,"code":"AB","name":"Alberta"}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProvinceEntry(int id, int countryId, String code, String name) {
    }
}
