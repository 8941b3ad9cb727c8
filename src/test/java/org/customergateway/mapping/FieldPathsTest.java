package org.customergateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.customergateway.mapping.SchemaName.CANONICAL;
import static org.customergateway.mapping.SchemaName.SIMPLEPIN;
import static org.customergateway.mapping.SchemaName.SYNTCH;

import java.util.List;
import java.util.Map;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.api.Test;

class FieldPathsTest {

    private final FieldPaths paths = Fixtures.FIELD_PATHS;

    @Test
    void names_a_syntch_field_in_simplepin_terms() {
        assertThat(paths.translate("ShippingAddress.PostalCode", SYNTCH, SIMPLEPIN, Map.of())).isEqualTo("main_address.zip");
        assertThat(paths.translate("CustomerName", SYNTCH, SIMPLEPIN, Map.of())).isEqualTo("customer_name");
        assertThat(paths.translate("DefaultContact.EmailAddress", SYNTCH, SIMPLEPIN, Map.of())).isEqualTo("contract_email");
    }

    @Test
    void names_a_syntch_field_in_canonical_terms() {
        assertThat(paths.translate("ShippingAddress.PostalCode", SYNTCH, CANONICAL, Map.of())).isEqualTo("shippingAddress.postalCode");
        assertThat(paths.translate("BillingAddress.StreetAddress2", SYNTCH, CANONICAL, Map.of())).isEqualTo("billingAddress.lines[1]");
    }

    @Test
    void names_canonical_lines_as_simplepins_one_address_string() {
        assertThat(paths.translate("shippingAddress.lines", CANONICAL, SIMPLEPIN, Map.of())).isEqualTo("main_address.address");
        assertThat(paths.translate("shippingAddress.lines[2]", CANONICAL, SIMPLEPIN, Map.of())).isEqualTo("main_address.address");
        assertThat(paths.translate("main_address.address", SIMPLEPIN, CANONICAL, Map.of())).isEqualTo("shippingAddress.lines");
    }

    @Test
    void reads_any_simplepin_billing_index_and_writes_the_one_the_document_used() {
        assertThat(paths.translate("billing_addresses[3].zip", SIMPLEPIN, SYNTCH, Map.of())).isEqualTo("BillingAddress.PostalCode");
        assertThat(paths.translate("BillingAddress.PostalCode", SYNTCH, SIMPLEPIN,
                Map.of("billing_addresses[0]", "billing_addresses[1]"))).isEqualTo("billing_addresses[1].zip");
    }

    @Test
    void leaves_a_path_alone_when_the_target_has_no_such_field() {
        assertThat(paths.translate("DefaultContact.JobTitle", SYNTCH, SIMPLEPIN, Map.of())).isEqualTo("DefaultContact.JobTitle");
        assertThat(paths.translate("contracts[0].name", CANONICAL, SYNTCH, Map.of())).isEqualTo("contracts[0].name");
    }

    @Test
    void carries_the_rest_of_a_path_past_a_known_prefix() {
        assertThat(paths.translate("contracts[0].name", CANONICAL, SIMPLEPIN, Map.of())).isEqualTo("contracts[0].name");
    }

    @Test
    void a_path_in_its_own_schema_or_no_path_stays_as_it_is() {
        assertThat(paths.translate("main_address.zip", SIMPLEPIN, SIMPLEPIN, Map.of())).isEqualTo("main_address.zip");
        assertThat(paths.translate((String) null, SYNTCH, CANONICAL, Map.of())).isNull();
    }

    @Test
    void a_path_the_other_schema_has_no_name_for_stays_as_it_is() {
        assertThat(paths.translate("NoSuchField.Inside", SYNTCH, CANONICAL, Map.of())).isEqualTo("NoSuchField.Inside");
        assertThat(paths.translate("MerchantKey", SYNTCH, SIMPLEPIN, Map.of())).isEqualTo("MerchantKey");
        assertThat(paths.translate("locale", CANONICAL, SYNTCH, Map.of())).isEqualTo("locale");
    }

    @Test
    void a_moved_prefix_of_this_document_replaces_the_translated_one() {
        assertThat(paths.translate("BillingAddress.PostalCode", SYNTCH, SIMPLEPIN,
                Map.of("billing_addresses[0]", "billing_addresses[1]"))).isEqualTo("billing_addresses[1].zip");
        assertThat(paths.translate("ShippingAddress.PostalCode", SYNTCH, SIMPLEPIN,
                Map.of("billing_addresses[0]", "billing_addresses[1]"))).isEqualTo("main_address.zip");
    }

    @Test
    void translates_a_list_of_messages_and_leaves_one_already_in_the_callers_schema_alone() {
        List<FieldMessage> messages = List.of(new FieldMessage("CustomerName", "is required"));
        assertThat(paths.translate(messages, SYNTCH, CANONICAL, Map.of())).containsExactly(new FieldMessage("name", "is required"));
        assertThat(paths.translate(messages, SYNTCH, SYNTCH, Map.of())).isSameAs(messages);
        assertThat(paths.translate(List.of(new FieldMessage("billing_addresses[0].zip", "x")), SIMPLEPIN, SIMPLEPIN,
                Map.of("billing_addresses[0]", "billing_addresses[2]"))).extracting(FieldMessage::field)
                .containsExactly("billing_addresses[2].zip");
    }

    @Test
    void an_indexed_path_falls_back_to_the_first_element_row_and_keeps_its_own_index() {
        assertThat(paths.translate("billing_addresses[3].zip", SIMPLEPIN, CANONICAL, Map.of())).isEqualTo("billingAddress.postalCode");
    }

    @Test
    void refuses_a_table_that_lists_a_canonical_field_twice_and_reads_back_the_first_of_a_shared_name() {
        assertThatThrownBy(() -> new FieldPaths(List.of(new String[] {"name", "customer_name", "CustomerName"},
                new String[] {"name", "other", "Other"}))).hasMessageContaining("canonical field name is listed twice");
        FieldPaths shared = new FieldPaths(List.of(new String[] {"a", "same", ""}, new String[] {"b", "same", "B"}));
        assertThat(shared.translate("same", SIMPLEPIN, CANONICAL, Map.of())).isEqualTo("a");
        assertThat(shared.translate("a", CANONICAL, SYNTCH, Map.of())).isEqualTo("a");
        assertThat(shared.translate("b", CANONICAL, SYNTCH, Map.of())).isEqualTo("B");
    }
}
