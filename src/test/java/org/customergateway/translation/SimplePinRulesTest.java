package org.customergateway.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.mapping.SchemaName.CANONICAL;
import static org.customergateway.mapping.SchemaName.SIMPLEPIN;
import static org.customergateway.mapping.SchemaName.SYNTCH;

import java.util.List;
import org.customergateway.canonical.Address;
import org.customergateway.canonical.Customer;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.support.Fixtures;
import org.customergateway.syntch.ActivationStatus;
import org.customergateway.syntch.PostCustomer;
import org.customergateway.syntch.SyntchAddress;
import org.junit.jupiter.api.Test;

/** SimplePin's rules of docs/customers.md: a customerId, and a country and province its tables know. */
class SimplePinRulesTest {

    private final Translator translator = Fixtures.translator();

    @Test
    void customer_id_is_required_because_get_customer_needs_it() {
        Customer noId = new Customer(null, "Acme", null, null, null, null, null, null, null, null);
        assertThat(translator.translate(CANONICAL, SIMPLEPIN, noId).violations())
                .containsExactly(new FieldMessage("customerId", "is required"));
    }

    @Test
    void a_syntch_caller_without_customer_id_reads_its_own_field_name() {
        PostCustomer noId = new PostCustomer("Acme", null, null, null,
                new SyntchAddress("1 Main St", null, null, null, "NY", "10001", "USA"), null, ActivationStatus.ACTIVE);
        assertThat(translator.translate(SYNTCH, SIMPLEPIN, noId).violations())
                .containsExactly(new FieldMessage("CustomerId", "is required"));
    }

    @Test
    void country_and_province_must_be_known_and_consistent() {
        Address ontarioInUsa = new Address(List.of("1 Main St"), null, "ON", "10001", "USA");
        Customer customer = new Customer("C-1", "Acme", null, null, null, null, null, ontarioInUsa, null, null);
        assertThat(translator.translate(CANONICAL, SIMPLEPIN, customer).violations())
                .containsExactly(new FieldMessage("shippingAddress.region", "'ON' is not a province of USA in SimplePin's tables"));
    }

    @Test
    void a_syntch_caller_reads_the_province_error_under_its_own_name() {
        PostCustomer ontarioInUsa = new PostCustomer("Acme", "C-1", null, null,
                new SyntchAddress("1 Main St", null, null, null, "ON", "10001", "USA"), null, ActivationStatus.ACTIVE);
        assertThat(translator.translate(SYNTCH, SIMPLEPIN, ontarioInUsa).violations())
                .containsExactly(new FieldMessage("ShippingAddress.StateOrProvinceCode",
                        "'ON' is not a province of USA in SimplePin's tables"));
    }
}
