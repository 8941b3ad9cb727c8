package org.customergateway.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.Mapped;
import org.junit.jupiter.api.Test;

class CanonicalNormaliserTest {

    private final CanonicalNormaliser normaliser = new CanonicalNormaliser();

    @Test
    void turns_an_alpha2_country_into_alpha3() {
        Mapped<Customer> result = normaliser.normalise(customerWith(new Address(List.of("1 A St"), "Toronto", "ON", "M5V", "CA")));
        assertThat(result.value().shippingAddress().country()).isEqualTo("CAN");
        assertThat(result.violations()).isEmpty();
    }

    @Test
    void accepts_alpha3_in_any_case() {
        Mapped<Customer> result = normaliser.normalise(customerWith(new Address(List.of(), null, null, null, "usa")));
        assertThat(result.value().shippingAddress().country()).isEqualTo("USA");
    }

    @Test
    void strips_the_country_prefix_of_a_region() {
        Mapped<Customer> result = normaliser.normalise(customerWith(new Address(List.of(), null, "CA-ON", null, "CAN")));
        assertThat(result.value().shippingAddress().region()).isEqualTo("ON");
        assertThat(result.violations()).isEmpty();
    }

    @Test
    void refuses_a_region_prefixed_with_another_country() {
        Mapped<Customer> result = normaliser.normalise(customerWith(new Address(List.of(), null, "CA-ON", null, "USA")));
        assertThat(result.violations()).containsExactly(
                new FieldMessage("shippingAddress.region", "'CA-ON' is a subdivision of CA, not of USA"));
    }

    @Test
    void refuses_a_country_code_iso_does_not_know() {
        Customer customer = new Customer("C", "N", null, null, null, null, null, null,
                new Address(List.of(), null, null, null, "XQ"), null);
        Mapped<Customer> result = normaliser.normalise(customer);
        assertThat(result.violations()).extracting(FieldMessage::field).containsExactly("billingAddress.country");
        assertThat(result.violations().get(0).message()).contains("'XQ'");
    }

    private static Customer customerWith(Address shipping) {
        return new Customer("C-1", "Name", null, null, null, null, null, shipping, null, null);
    }
}
