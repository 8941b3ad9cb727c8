package org.customergateway.simplepin.sandbox;

import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.CCProfileV2Model;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.simplepin.AddressApiV2Model;
import org.customergateway.simplepin.SimplePinError;
import org.customergateway.simplepin.SimplePinLookupEntries;
import org.customergateway.simplepin.SimplePinStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.simplepin.SimplePinError.FieldError;
import org.customergateway.simplepin.sandbox.CCProfileRules;
import org.customergateway.simulation.SimulatedAnswer;
import org.customergateway.simulation.SimulatedRequest;
import org.customergateway.simulation.SimulatorServer;

/**
 * SimplePin as its v2 document describes it, over real HTTP: getCustomer and add (JSON or XML, answered
 * in the request's format), the country and province look-ups, its API key, the add checked by rules of
 * its own ({@link CCProfileRules}: types, customer_id, its numeric ids against its tables), a duplicate
 * customer_id refused, and a store a test can count.
 */
public final class SimplePinSimulator implements AutoCloseable {

    public static final String ADD = "POST /v2/customer/add";
    public static final String GET = "GET /v2/customer/get";

    private final Codecs codecs = new Codecs();
    private final CCProfileRules rules;
    private final List<SimplePinGeography.Country> countries;
    private final List<SimplePinGeography.Province> provinces;
    private final Map<String, CCProfileV2Model> profiles = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1000);
    private final String apiKey;
    private final SimulatorServer server;

    public SimplePinSimulator(List<SimplePinGeography.Country> countries, List<SimplePinGeography.Province> provinces,
                              String apiKey, int port) {
        this.countries = List.copyOf(countries);
        this.provinces = List.copyOf(provinces);
        this.rules = new CCProfileRules(countries.stream().map(c -> (long) c.id()).collect(Collectors.toSet()),
                provinces.stream().collect(Collectors.toMap(p -> (long) p.id(), p -> (long) p.countryId())));
        this.apiKey = apiKey;
        this.server = new SimulatorServer("SimplePin", port, this::handle);
    }

    public SimulatorServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public int customerCount() {
        return profiles.size();
    }

    public CCProfileV2Model profile(String customerId) {
        return profiles.get(customerId);
    }

    private SimulatedAnswer handle(SimulatedRequest request) {
        BodyFormat format = request.isXml() || String.valueOf(request.header("accept")).contains("xml")
                ? BodyFormat.XML : BodyFormat.JSON;
        if (apiKey != null && !apiKey.equals(request.header("x-api-key"))) {
            return answer(401, format, new SimplePinError("Unauthorized", List.of()));
        }
        String route = request.method() + " " + request.path();
        return switch (route) {
            case GET -> get(request.query().get("customer_id"), format);
            case ADD -> add(request, format);
            case "GET /v2/countries" -> answer(200, BodyFormat.JSON, countries.stream()
                    .map(c -> new SimplePinLookupEntries.CountryEntry(c.id(), c.iso2(), c.name())).toList());
            case "GET /v2/provinces" -> answer(200, BodyFormat.JSON, provinces.stream()
                    .filter(p -> String.valueOf(p.countryId()).equals(request.query().get("country_id")))
                    .map(p -> new SimplePinLookupEntries.ProvinceEntry(p.id(), p.countryId(), p.code(), p.name())).toList());
            default -> answer(404, format, new SimplePinError("Not Found", List.of()));
        };
    }

    private SimulatedAnswer get(String customerId, BodyFormat format) {
        CCProfileV2Model profile = customerId == null ? null : profiles.get(customerId);
        return profile == null
                ? answer(404, format, new SimplePinError("customer " + customerId + " not found", List.of()))
                : answer(200, format, profile);
    }

    private SimulatedAnswer add(SimulatedRequest request, BodyFormat format) {
        CCProfileApiV2Model body;
        JsonNode tree;
        try {
            // JSON is checked as it came; XML (whose tree has no types) once read as SimplePin's model
            tree = format == BodyFormat.JSON ? codecs.json().readTree(request.body()) : null;
            body = codecs.mapper(format).readValue(request.body(), CCProfileApiV2Model.class);
            if (tree == null) {
                tree = codecs.json().valueToTree(body);
            }
        } catch (IOException e) {
            return answer(400, format, new SimplePinError("the body is not a CCProfileApiV2Model", List.of()));
        }
        List<FieldError> errors = rules.check(tree).stream().map(b -> new FieldError(b.field(), b.message())).toList();
        if (!errors.isEmpty()) {
            return answer(400, format, new SimplePinError("validation failed", errors));
        }
        List<AddressApiV2Model> billing = body.billingAddresses() == null ? List.of() : body.billingAddresses();
        CCProfileV2Model stored = stored(body, billing);
        if (profiles.putIfAbsent(body.customerId(), stored) != null) {
            return answer(409, format, new SimplePinError("customer " + body.customerId() + " already exists",
                    List.of(new FieldError("customer_id", "already exists"))));
        }
        return answer(201, format, stored);
    }

    private CCProfileV2Model stored(CCProfileApiV2Model body, List<AddressApiV2Model> billing) {
        List<AddressApiV2Model> withIds = billing.stream()
                .map(a -> new AddressApiV2Model(nextId.incrementAndGet(), a.zip(), a.city(), a.country(), a.province(),
                        a.address(), a.selected()))
                .toList();
        Long selectedId = withIds.stream().filter(a -> Boolean.TRUE.equals(a.selected())).map(AddressApiV2Model::id)
                .findFirst().orElse(withIds.isEmpty() ? null : withIds.get(0).id());
        AddressApiV2Model main = body.mainAddress() == null ? null : new AddressApiV2Model(nextId.incrementAndGet(),
                body.mainAddress().zip(), body.mainAddress().city(), body.mainAddress().country(),
                body.mainAddress().province(), body.mainAddress().address(), body.mainAddress().selected());
        OffsetDateTime since = body.customerSince() != null ? body.customerSince() : OffsetDateTime.now(ZoneOffset.UTC);
        return new CCProfileV2Model(selectedId, withIds, body.contractEmail(), body.contracts(), body.customerId(),
                body.customerName(), since, nextId.incrementAndGet(), main, body.mobileNumber(), body.phoneNumber(),
                SimplePinStatus.REQUIRES_ACTIVATION, 1);
    }

    private SimulatedAnswer answer(int status, BodyFormat format, Object body) {
        try {
            return SimulatedAnswer.of(status, format.mediaType(), codecs.writer(format).writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
