package org.customergateway.simplepin.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.customergateway.mapping.FieldMessage;

/**
 * SimplePin's rules for {@code POST /v2/customer/add}, written again from its document
 * ({@code vendor-docs/simplepin-v2-customer-add.txt}) for the simulator alone, on the request as it came
 * (a JSON tree, not the gateway's model), with SimplePin's own country and province tables: README.md wants
 * the simulator to check with code of its own, so that a rule the gateway gets wrong shows as a vendor
 * refusal in the tests instead of being shared by both sides. The document makes every field optional
 * and gives each a type; the getCustomer/add pair needs a customer_id; a country or province is one of
 * SimplePin's numeric ids, the province in that country; customer_since is {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX}.
 */
public final class CCProfileRules {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final List<String> TEXT_FIELDS = List.of("contract_email", "customer_id", "customer_name",
            "mobile_number", "phone_number");

    private final Set<Long> countries;
    private final Map<Long, Long> provinceCountries;

    /** @param provinceCountries each province id of SimplePin's table, with the id of its country */
    public CCProfileRules(Set<Long> countries, Map<Long, Long> provinceCountries) {
        this.countries = Set.copyOf(countries);
        this.provinceCountries = Map.copyOf(provinceCountries);
    }

    /** Every rule the request breaks, each named by its field as SimplePin names it. */
    public List<FieldMessage> check(JsonNode profile) {
        List<FieldMessage> broken = new ArrayList<>();
        if (profile == null || !profile.isObject()) {
            broken.add(new FieldMessage("", "the body is not a CCProfileApiV2Model object"));
            return broken;
        }
        for (String field : TEXT_FIELDS) {
            JsonNode value = profile.get(field);
            if (present(value) && !value.isTextual()) {
                broken.add(new FieldMessage(field, field + " must be a string"));
            }
        }
        JsonNode customerId = profile.get("customer_id");
        if (!present(customerId) || customerId.asText().isBlank()) {
            broken.add(new FieldMessage("customer_id", "customer_id is required"));
        }
        JsonNode since = profile.get("customer_since");
        if (present(since)) {
            try {
                OffsetDateTime.parse(since.asText(), SINCE);
            } catch (DateTimeParseException e) {
                broken.add(new FieldMessage("customer_since", "customer_since must be yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
            }
        }
        JsonNode main = profile.get("main_address");
        if (present(main)) {
            address(main, "main_address", broken);
        }
        each(profile, "billing_addresses", broken, (node, path) -> address(node, path, broken));
        each(profile, "contracts", broken, (node, path) -> {
            if (!node.isObject()) {
                broken.add(new FieldMessage(path, path + " must be an object"));
                return;
            }
            integer(node.get("id"), path + ".id", broken);
            text(node.get("name"), path + ".name", broken);
        });
        each(profile, "delete_billing_address_ids", broken, (node, path) -> integer(node, path, broken));
        return broken;
    }

    private void address(JsonNode address, String path, List<FieldMessage> broken) {
        if (!address.isObject()) {
            broken.add(new FieldMessage(path, path + " must be an object"));
            return;
        }
        integer(address.get("id"), path + ".id", broken);
        for (String field : List.of("zip", "city", "address")) {
            text(address.get(field), path + "." + field, broken);
        }
        JsonNode selected = address.get("selected");
        if (present(selected) && !selected.isBoolean()) {
            broken.add(new FieldMessage(path + ".selected", path + ".selected must be true or false"));
        }
        Long country = integer(address.get("country"), path + ".country", broken);
        if (country != null && !countries.contains(country)) {
            broken.add(new FieldMessage(path + ".country", "unknown country " + country));
        }
        Long province = integer(address.get("province"), path + ".province", broken);
        if (province != null) {
            Long in = provinceCountries.get(province);
            if (in == null) {
                broken.add(new FieldMessage(path + ".province", "unknown province " + province));
            } else if (country != null && countries.contains(country) && !in.equals(country)) {
                broken.add(new FieldMessage(path + ".province", "province " + province + " is not in country " + country));
            }
        }
    }

    private interface Element {
        void check(JsonNode node, String path);
    }

    private static void each(JsonNode parent, String field, List<FieldMessage> broken, Element element) {
        JsonNode list = parent.get(field);
        if (!present(list)) {
            return;
        }
        if (!list.isArray()) {
            broken.add(new FieldMessage(field, field + " must be an array"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            element.check(list.get(i), field + "[" + i + "]");
        }
    }

    private static Long integer(JsonNode value, String path, List<FieldMessage> broken) {
        if (!present(value)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            broken.add(new FieldMessage(path, path + " must be an integer"));
            return null;
        }
        return value.longValue();
    }

    private static void text(JsonNode value, String path, List<FieldMessage> broken) {
        if (present(value) && !value.isTextual()) {
            broken.add(new FieldMessage(path, path + " must be a string"));
        }
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull();
    }
}
