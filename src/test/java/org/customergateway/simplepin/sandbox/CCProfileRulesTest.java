package org.customergateway.simplepin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.customergateway.mapping.FieldMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SimplePin simulator's own reading of its document: each rule refuses what breaks it, alone. */
class CCProfileRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two countries (1, 2), province 10 in country 1 and province 20 in country 2. */
    private final CCProfileRules rules = new CCProfileRules(Set.of(1L, 2L), Map.of(10L, 1L, 20L, 2L));

    private static final String VALID = """
            {"customer_id":"C-1","customer_name":"Acme","contract_email":"a@b.test","customer_since":"2024-03-01T09:30:00.000Z",
             "main_address":{"zip":"M5V","city":"Toronto","country":1,"province":10,"address":"1 King St","selected":true},
             "billing_addresses":[{"id":1,"zip":"M5V","city":"Toronto","country":1,"province":10,"address":"1 King St"}],
             "contracts":[{"id":7,"name":"Gold"}],"delete_billing_address_ids":[3],"mobile_number":"+1","phone_number":"+1"}""";

    @Test
    void the_documents_model_filled_in_passes() throws Exception {
        assertThat(rules.check(JSON.readTree(VALID))).isEmpty();
    }

    @Test
    void a_body_that_is_no_object_is_refused() throws Exception {
        assertThat(rules.check(JSON.readTree("[]"))).extracting(FieldMessage::field).containsExactly("");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "/customer_id | null | customer_id",
            "/customer_id | \"  \" | customer_id",
            "/customer_id | 5 | customer_id",
            "/customer_name | true | customer_name",
            "/contract_email | 1 | contract_email",
            "/mobile_number | [] | mobile_number",
            "/customer_since | \"2024-03-01\" | customer_since",
            "/main_address | \"1 King St\" | main_address",
            "/main_address/country | 3 | main_address.country",
            "/main_address/country | \"CAN\" | main_address.country",
            "/main_address/province | 99 | main_address.province",
            "/main_address/province | 20 | main_address.province",
            "/main_address/zip | 12345 | main_address.zip",
            "/main_address/selected | \"yes\" | main_address.selected",
            "/billing_addresses | {} | billing_addresses",
            "/billing_addresses/0/id | 1.5 | billing_addresses[0].id",
            "/billing_addresses/0/city | 7 | billing_addresses[0].city",
            "/contracts/0/name | 7 | contracts[0].name",
            "/contracts/0/id | \"x\" | contracts[0].id",
            "/delete_billing_address_ids/0 | \"3\" | delete_billing_address_ids[0]"})
    void each_rule_refuses_what_breaks_it(String pointer, String value, String field) throws Exception {
        JsonNode profile = JSON.readTree(VALID);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = profile.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        JsonNode replacement = JSON.readTree(value);
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(name), replacement);
        } else {
            ((com.fasterxml.jackson.databind.node.ObjectNode) parent).set(name, replacement);
        }
        assertThat(rules.check(profile)).extracting(FieldMessage::field).containsExactly(field);
    }
}
