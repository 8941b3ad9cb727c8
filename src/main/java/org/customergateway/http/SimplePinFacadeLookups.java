package org.customergateway.http;

import org.customergateway.simplepin.CCProfileV2Model;
import org.customergateway.simplepin.CurrentGeography;
import org.customergateway.simplepin.SimplePinError;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.SimplePinLookupEntries;
import org.customergateway.simplepin.SimplePinMapper;
import org.customergateway.simplepin.SimplePinSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customergateway.dispatch.CustomerMemory;
import org.customergateway.dispatch.Target;
import org.customergateway.dispatch.Vendor;
import org.customergateway.dispatch.VendorReplies;
import org.customergateway.dispatch.VendorReply;
import org.customergateway.dispatch.VendorRequest;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;

/**
 * The rest of SimplePin's documented flow on its facade, so that a SimplePin client that only changes its
 * base URL keeps working ("before creating a new customer, call getCustomer ... use getCountries and
 * getProvinces"):
 * <ul>
 *   <li>{@code GET /simplepin/v2/countries?locale=} and {@code /simplepin/v2/provinces?country_id=&locale=}:
 *   the gateway's own tables, the very ids it maps with (live or snapshot), country names in the
 *   {@code locale}'s language where the JDK knows it;</li>
 *   <li>{@code GET /simplepin/v2/customer/get?customer_id=}: for the facade's target. When that is
 *   SimplePin itself, SimplePin is asked and its answer returned as it gave it; otherwise 200 with a
 *   {@code CCProfileV2Model} made from what the gateway remembers of the customer at the target (its
 *   {@code id} the target's id for it), or 404.</li>
 * </ul>
 * Answers are JSON, or XML when the client's {@code Accept} asks for it, as SimplePin answers.
 */
public final class SimplePinFacadeLookups {

    private final CurrentGeography tables;
    private final CustomerMemory customers;
    private final SimplePinMapper mapper;
    private final SimplePinSettings settings;
    private final Codecs codecs;
    private final Target target;

    public SimplePinFacadeLookups(CurrentGeography tables, CustomerMemory customers, SimplePinMapper mapper,
                                  SimplePinSettings settings, Codecs codecs, Target target) {
        this.tables = tables;
        this.customers = customers;
        this.mapper = mapper;
        this.settings = settings;
        this.codecs = codecs;
        this.target = target;
    }

    public void countries(Message message) throws JsonProcessingException {
        Locale language = language(message.getHeader("locale", String.class));
        List<SimplePinLookupEntries.CountryEntry> countries = tables.get().countries().stream()
                .map(c -> new SimplePinLookupEntries.CountryEntry(c.id(), c.iso2(), countryName(c, language)))
                .toList();
        BodyFormat format = format(message);
        reply(message, 200, format, format == BodyFormat.XML ? new SimplePinLookupEntries.Countries(countries) : countries);
    }

    public void provinces(Message message) throws JsonProcessingException {
        String countryId = message.getHeader("country_id", String.class);
        List<SimplePinLookupEntries.ProvinceEntry> provinces = tables.get().provinces().stream()
                .filter(p -> countryId == null || countryId.isBlank() || String.valueOf(p.countryId()).equals(countryId.trim()))
                .map(p -> new SimplePinLookupEntries.ProvinceEntry(p.id(), p.countryId(), p.code(), p.name()))
                .toList();
        BodyFormat format = format(message);
        reply(message, 200, format, format == BodyFormat.XML ? new SimplePinLookupEntries.Provinces(provinces) : provinces);
    }

    /** Set when the message was made a request to SimplePin, to be sent and its answer relayed. */
    public static final String ASK_SIMPLEPIN = "GatewayAskSimplePin";

    /**
     * Answers from what the gateway remembers (or 400, 404); when SimplePin itself is the target, makes the
     * message the request to ask it instead and sets {@value #ASK_SIMPLEPIN} (routes/simplepin-facade-http
     * then sends it through {@code direct:simplepin-call} and relays the answer as SimplePin gave it).
     */
    public void getCustomer(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        exchange.setProperty(ASK_SIMPLEPIN, answer(message));
    }

    private boolean answer(Message message) throws JsonProcessingException {
        BodyFormat format = format(message);
        String customerId = message.getHeader("customer_id", String.class);
        if (customerId == null || customerId.isBlank()) {
            reply(message, 400, format, new SimplePinError("customer_id is required",
                    List.of(new SimplePinError.FieldError("customer_id", "customer_id is required"))));
            return false;
        }
        if (target == Target.SIMPLEPIN) {
            askSimplePin(message, customerId, format);
            return true;
        }
        Vendor at = target.vendors().get(0);
        Optional<CustomerMemory.Remembered> known = customers.find(customerId).stream()
                .filter(r -> r.vendor().equals(at.id())).findFirst();
        if (known.isEmpty()) {
            reply(message, 404, format, new SimplePinError("customer " + customerId + " not found", List.of()));
            return false;
        }
        CustomerMemory.Remembered remembered = known.get();
        Long id = numeric(remembered.vendorCustomerId());
        reply(message, 200, format, mapper.toProfile(remembered.customer(), id).value());
        return false;
    }

    /** SimplePin is the target: the request for its own answer, with the gateway's credentials in place of the caller's. */
    private void askSimplePin(Message message, String customerId, BodyFormat format) {
        String locale = message.getHeader("locale", String.class);
        String query = "customer_id=" + encode(customerId) + (locale == null || locale.isBlank() ? "" : "&locale=" + encode(locale));
        new VendorRequest("GET", "/v2/customer/get", query, null, format.mediaType(),
                Map.of("X-Api-Key", settings.apiKey() == null ? "" : settings.apiKey()), new byte[0]).writeTo(message);
    }

    /** SimplePin could not be asked (or its circuit is open): a 502 in SimplePin's error format. */
    public void unreachable(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        VendorReply reply = VendorReplies.forFailure(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        BodyFormat format = format(message);
        reply(message, 502, format, new SimplePinError("SimplePin could not be reached: " + reply.describe(), List.of()));
    }

    private static String countryName(SimplePinGeography.Country country, Locale language) {
        if (language == null) {
            return country.name();
        }
        String name = new Locale("", country.iso2()).getDisplayCountry(language);
        return name == null || name.isBlank() || name.equals(country.iso2()) ? country.name() : name;
    }

    /** A language the JDK knows, else null (the tables' own names are used). */
    private static Locale language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        return locale.getLanguage().isEmpty() ? null : locale;
    }

    private static BodyFormat format(Message message) {
        String accept = message.getHeader("Accept", String.class);
        return accept != null && accept.contains("xml") ? BodyFormat.XML : BodyFormat.JSON;
    }

    private static Long numeric(String id) {
        try {
            return id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void reply(Message message, int status, BodyFormat format, Object body) throws JsonProcessingException {
        HttpReply.write(message, status, format.mediaType(), codecs.writer(format), body);
    }
}
