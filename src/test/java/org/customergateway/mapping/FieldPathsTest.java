package org.customergateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.mapping.SchemaName.CANONICAL;
import static org.customergateway.mapping.SchemaName.SIMPLEPIN;
import static org.customergateway.mapping.SchemaName.SYNTCH;

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
}
