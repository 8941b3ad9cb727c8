package org.customergateway.simplepin;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.customergateway.canonical.IsoCountries;
import org.customergateway.dispatch.VendorCall;
import org.customergateway.dispatch.VendorReply;
import org.customergateway.dispatch.VendorRequest;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;

/**
 * SimplePin's live country and province tables, read from its look-up endpoints
 * ({@code GET /v2/countries}, then {@code GET /v2/provinces?country_id=} for each country).
 */
public final class SimplePinLookups {

    private static final TypeReference<List<SimplePinLookupEntries.CountryEntry>> COUNTRIES = new TypeReference<>() {
    };
    private static final TypeReference<List<SimplePinLookupEntries.ProvinceEntry>> PROVINCES = new TypeReference<>() {
    };

    private final VendorCall call;
    private final Codecs codecs;
    private final SimplePinSettings settings;

    public SimplePinLookups(VendorCall call, Codecs codecs, SimplePinSettings settings) {
        this.call = call;
        this.codecs = codecs;
        this.settings = settings;
    }

    /** @throws IllegalStateException when SimplePin cannot be read or its tables do not hold together */
    public SimplePinGeography load() {
        List<SimplePinGeography.Country> countries = new ArrayList<>();
        for (SimplePinLookupEntries.CountryEntry entry : get("/v2/countries", locale(), COUNTRIES)) {
            String iso3 = IsoCountries.toAlpha3(entry.code());
            if (iso3 == null) {
                throw new IllegalStateException("SimplePin lists country " + entry.id() + " with unknown code " + entry.code());
            }
            countries.add(new SimplePinGeography.Country(entry.id(), entry.code(), iso3, entry.name()));
        }
        List<SimplePinGeography.Province> provinces = new ArrayList<>();
        for (SimplePinGeography.Country country : countries) {
            String query = "country_id=" + country.id() + (locale().isEmpty() ? "" : "&" + locale());
            for (SimplePinLookupEntries.ProvinceEntry entry : get("/v2/provinces", query, PROVINCES)) {
                provinces.add(new SimplePinGeography.Province(entry.id(), entry.countryId(), entry.code(), entry.name()));
            }
        }
        return new SimplePinGeography(countries, provinces);
    }

    private String locale() {
        return settings.locale() == null ? "" : "locale=" + URLEncoder.encode(settings.locale(), StandardCharsets.UTF_8);
    }

    private <T> T get(String path, String query, TypeReference<T> type) {
        VendorReply reply = call.send(new VendorRequest("GET", path, query.isEmpty() ? null : query, null,
                "application/json", Map.of("X-Api-Key", settings.apiKey() == null ? "" : settings.apiKey()), new byte[0]));
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
