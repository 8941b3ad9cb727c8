package org.customergateway.simplepin;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.simplepin.SimplePinError.FieldError;
import org.customergateway.simulation.SimulatedAnswer;
import org.customergateway.simulation.SimulatedRequest;
import org.customergateway.simulation.SimulatorServer;

/**
 * SimplePin as its v2 document describes it, over real HTTP: getCustomer and add (JSON or XML, answered
 * in the request's format), the country and province look-ups, its API key, its numeric ids checked
 * against its tables, a duplicate customer_id refused, and a store a test can count.
 */
public final class SimplePinSimulator implements AutoCloseable {

    public static final String ADD = "POST /v2/customer/add";
    public static final String GET = "GET /v2/customer/get";

    private final Codecs codecs = new Codecs();
    private final SimplePinGeography geography;
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
        this.geography = new SimplePinGeography(countries, provinces);
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
        try {
            body = codecs.mapper(format).readValue(request.body(), CCProfileApiV2Model.class);
        } catch (IOException e) {
            return answer(400, format, new SimplePinError("the body is not a CCProfileApiV2Model", List.of()));
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.customerId() == null || body.customerId().isBlank()) {
            errors.add(new FieldError("customer_id", "customer_id is required"));
        }
        checkAddress(body.mainAddress(), "main_address", errors);
        List<AddressApiV2Model> billing = body.billingAddresses() == null ? List.of() : body.billingAddresses();
        for (int i = 0; i < billing.size(); i++) {
            checkAddress(billing.get(i), "billing_addresses[" + i + "]", errors);
        }
        if (!errors.isEmpty()) {
            return answer(400, format, new SimplePinError("validation failed", errors));
        }
        CCProfileV2Model stored = stored(body, billing);
        if (profiles.putIfAbsent(body.customerId(), stored) != null) {
            return answer(409, format, new SimplePinError("customer " + body.customerId() + " already exists",
                    List.of(new FieldError("customer_id", "already exists"))));
        }
        return answer(201, format, stored);
    }

    private void checkAddress(AddressApiV2Model address, String path, List<FieldError> errors) {
        if (address == null) {
            return;
        }
        SimplePinGeography.Country country = geography.countryById(address.country());
        if (address.country() != null && country == null) {
            errors.add(new FieldError(path + ".country", "unknown country " + address.country()));
        }
        SimplePinGeography.Province province = geography.provinceById(address.province());
        if (address.province() != null && province == null) {
            errors.add(new FieldError(path + ".province", "unknown province " + address.province()));
        } else if (province != null && country != null && province.countryId() != country.id()) {
            errors.add(new FieldError(path + ".province", "province " + province.id() + " is not in country " + country.id()));
        }
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
