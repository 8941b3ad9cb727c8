package org.customergateway.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import java.util.List;
import org.customergateway.json.XmlItemName;

/**
 * A postal address. {@code country} is ISO 3166-1 alpha-3 and {@code region} a subdivision code
 * without its country prefix, once {@link CanonicalNormaliser} has run.
 */
@JsonPropertyOrder({"lines", "city", "region", "postalCode", "country"})
public record Address(
        @JacksonXmlElementWrapper(localName = "lines") @XmlItemName("line")
        List<String> lines,
        String city,
        String region,
        String postalCode,
        String country) {

    public Address withCountryAndRegion(String newCountry, String newRegion) {
        return new Address(lines, city, newRegion, postalCode, newCountry);
    }
}
