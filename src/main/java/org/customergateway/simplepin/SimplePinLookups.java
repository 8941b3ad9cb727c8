package org.customergateway.simplepin;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customergateway.canonical.IsoCountries;
import org.customergateway.dispatch.VendorReplies;
import org.customergateway.dispatch.VendorReply;
import org.customergateway.dispatch.VendorRequest;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;

/**
 * The steps of {@code routes/simplepin-tables-source}: SimplePin's live country and province tables,
 * read from its look-up endpoints ({@code GET /v2/countries}, then {@code GET /v2/provinces?country_id=}
 * for each country) through {@code direct:simplepin-call}.
 */
public final class SimplePinLookups {

    /** The countries read, kept while their provinces are read one country at a time. */
    private static final String COUNTRIES = "SimplePinCountries";

    private static final TypeReference<List<SimplePinLookupEntries.CountryEntry>> COUNTRY_ENTRIES = new TypeReference<>() {
    };
    private static final TypeReference<List<SimplePinLookupEntries.ProvinceEntry>> PROVINCE_ENTRIES = new TypeReference<>() {
    };

    private final Codecs codecs;
    private final SimplePinSettings settings;

    public SimplePinLookups(Codecs codecs, SimplePinSettings settings) {
        this.codecs = codecs;
        this.settings = settings;
    }

    /** The message becomes SimplePin's getCountries. */
    public void countriesRequest(Exchange exchange) {
        request("/v2/countries", locale()).writeTo(exchange.getMessage());
    }

    /**
     * SimplePin's answer read into its countries, which become the body (and {@value #COUNTRIES}).
     *
     * @throws IllegalStateException when SimplePin did not answer with countries the gateway knows
     */
    public List<SimplePinGeography.Country> countries(Exchange exchange) {
        List<SimplePinGeography.Country> countries = new ArrayList<>();
        for (SimplePinLookupEntries.CountryEntry entry : read(exchange.getMessage(), "/v2/countries", COUNTRY_ENTRIES)) {
            String iso3 = IsoCountries.toAlpha3(entry.code());
            if (iso3 == null) {
                throw new IllegalStateException("SimplePin lists country " + entry.id() + " with unknown code " + entry.code());
            }
            countries.add(new SimplePinGeography.Country(entry.id(), entry.code(), iso3, entry.name()));
        }
        if (countries.isEmpty()) {
            throw new IllegalStateException("SimplePin lists no countries");
        }
        exchange.setProperty(COUNTRIES, countries);
        return countries;
    }

    /** The message (a country) becomes SimplePin's getProvinces for it. */
    public void provincesRequest(Exchange exchange) {
        SimplePinGeography.Country country = exchange.getMessage().getBody(SimplePinGeography.Country.class);
        String query = "country_id=" + country.id() + (locale() == null ? "" : "&" + locale());
        request("/v2/provinces", query).writeTo(exchange.getMessage());
    }

    /** @throws IllegalStateException when SimplePin did not answer with provinces */
    public List<SimplePinGeography.Province> provinces(Exchange exchange) {
        List<SimplePinGeography.Province> provinces = new ArrayList<>();
        for (SimplePinLookupEntries.ProvinceEntry entry : read(exchange.getMessage(), "/v2/provinces", PROVINCE_ENTRIES)) {
            provinces.add(new SimplePinGeography.Province(entry.id(), entry.countryId(), entry.code(), entry.name()));
        }
        return provinces;
    }

    /** The countries ({@value #COUNTRIES}) and every country's provinces (the body, one list per country) as one table. */
    public SimplePinGeography tables(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<SimplePinGeography.Country> countries = exchange.getProperty(COUNTRIES, List.class);
        @SuppressWarnings("unchecked")
        List<List<SimplePinGeography.Province>> perCountry = exchange.getMessage().getBody(List.class);
        return new SimplePinGeography(countries, perCountry.stream().flatMap(List::stream).toList());
    }

    private VendorRequest request(String path, String query) {
        return new VendorRequest("GET", path, query, null, "application/json",
                Map.of("X-Api-Key", settings.apiKey() == null ? "" : settings.apiKey()), new byte[0]);
    }

    private String locale() {
        return settings.locale() == null ? null : "locale=" + URLEncoder.encode(settings.locale(), StandardCharsets.UTF_8);
    }

    private <T> T read(Message message, String path, TypeReference<T> type) {
        VendorReply reply = VendorReplies.read(message);
        if (!reply.isSuccess()) {
            throw new IllegalStateException("SimplePin " + path + ": " + reply.describe());
        }
        try {
            return codecs.lenient(BodyFormat.JSON).readValue(reply.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("SimplePin " + path + " answered something unreadable", e);
        }
    }
}
