package org.customergateway.syntch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.customergateway.canonical.Address;
import org.customergateway.canonical.Contact;
import org.customergateway.canonical.Customer;
import org.customergateway.canonical.CustomerStatus;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.Mapped;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.api.Test;

class SyntchMapperTest {

    private final SyntchMapper mapper = new SyntchMapper(new SyntchSettings(9000, ActivationStatus.ACTIVE));

    @Test
    void maps_canonical_to_a_post_customer_field_by_field() {
        Customer customer = Fixtures.json("canonical-customer.json", Customer.class);
        PostCustomer request = mapper.toRequest(customer).value();

        assertThat(request.customerId()).isEqualTo("C-1001");
        assertThat(request.customerName()).isEqualTo("Acme Hardware Ltd");
        assertThat(request.merchantKey()).isEqualTo(4711);
        assertThat(request.activationStatus()).isEqualTo(ActivationStatus.ACTIVE);
        assertThat(request.defaultContact()).isEqualTo(new SyntchContact("Lovelace", "Ada", "CFO", "Finance",
                "ada@acme.test", "+1 416 555 0100", null, null, "+1 416 555 0101", null, null));
        assertThat(request.shippingAddress()).isEqualTo(
                new SyntchAddress("12 Main Street", "Suite 4", null, "Toronto", "ON", "M5V 2T6", "CAN"));
        assertThat(request.billingAddress()).isNull();
    }

    @Test
    void drops_with_a_warning_every_canonical_field_syntch_has_no_place_for() {
        Customer customer = Fixtures.json("canonical-customer.json", Customer.class);
        assertThat(mapper.toRequest(customer).warnings()).extracting(FieldMessage::toString).containsExactly(
                "since: no place in Syntch, dropped",
                "locale: no place in Syntch, dropped",
                "contracts: no place in Syntch, dropped");
    }

    @Test
    void takes_the_merchant_key_from_configuration_when_the_message_has_none() {
        Customer customer = new Customer("C-1", "N", null, null, null, null, null, null, null, null);
        assertThat(mapper.toRequest(customer).value().merchantKey()).isEqualTo(9000);
    }

    @Test
    void takes_the_default_activation_status_when_the_source_has_none() {
        Customer customer = new Customer("C-1", "N", null, null, null, null, null, null, null, null);
        assertThat(mapper.toRequest(customer).value().activationStatus()).isEqualTo(ActivationStatus.ACTIVE);
        SyntchMapper pending = new SyntchMapper(new SyntchSettings(null, ActivationStatus.PENDING));
        assertThat(pending.toRequest(customer).value().activationStatus()).isEqualTo(ActivationStatus.PENDING);
    }

    @Test
    void maps_each_canonical_status_to_its_activation_status() {
        assertThat(ActivationStatus.fromCanonical(CustomerStatus.PENDING)).isEqualTo(ActivationStatus.PENDING);
        assertThat(ActivationStatus.fromCanonical(CustomerStatus.ACTIVE)).isEqualTo(ActivationStatus.ACTIVE);
        assertThat(ActivationStatus.fromCanonical(CustomerStatus.INACTIVE)).isEqualTo(ActivationStatus.INACTIVE);
        assertThat(ActivationStatus.fromCanonical(CustomerStatus.DELETED)).isEqualTo(ActivationStatus.DELETED);
    }

    @Test
    void reports_more_lines_than_syntchs_three_street_lines() {
        Address fourLines = new Address(List.of("1", "2", "3", "4"), null, "ON", "M5V", "CAN");
        Customer customer = new Customer("C-1", "N", null, null, null, null, null, fourLines, null, null);
        assertThat(mapper.toRequest(customer).violations()).containsExactly(
                new FieldMessage("shippingAddress.lines", "has 4 lines; Syntch takes at most 3"));
    }

    @Test
    void skips_blank_lines_rather_than_sending_empty_street_lines() {
        Address address = new Address(java.util.Arrays.asList("", "12 Main Street", null), null, "ON", "M5V", "CAN");
        Customer customer = new Customer("C-1", "N", null, null, null, null, null, address, null, null);
        assertThat(mapper.toRequest(customer).value().shippingAddress().streetAddress1()).isEqualTo("12 Main Street");
    }

    @Test
    void maps_a_post_customer_to_canonical_field_by_field() {
        PostCustomer request = Fixtures.json("syntch-postcustomer.json", PostCustomer.class);
        Mapped<Customer> mapped = mapper.toCanonical(request);
        Customer customer = mapped.value();

        assertThat(customer.status()).isEqualTo(CustomerStatus.PENDING);
        assertThat(customer.merchantKey()).isEqualTo(4711);
        assertThat(customer.contact()).isEqualTo(new Contact("Ada", "Lovelace", "CFO", "Finance", "ada@acme.test",
                "+1 416 555 0100", "+1 416 555 0199", "+1 416 555 0101", "+1 416 555 0102"));
        assertThat(customer.shippingAddress()).isEqualTo(new Address(List.of("12 Main Street", "Suite 4", "Back door"),
                "Toronto", "ON", "M5V 2T6", "CAN"));
        assertThat(customer.billingAddress().region()).isEqualTo("NY");
        assertThat(mapped.warnings()).isEmpty();
    }

    @Test
    void warns_that_the_contacts_own_addresses_have_no_canonical_place() {
        PostCustomer sample = Fixtures.json("syntch-postcustomer-doc.json", PostCustomer.class);
        assertThat(mapper.toCanonical(sample).warnings()).extracting(FieldMessage::field)
                .containsExactly("DefaultContact.BillingAddress", "DefaultContact.ShippingAddress");
    }

    @Test
    void a_post_customer_goes_to_canonical_and_back_unchanged() {
        PostCustomer original = Fixtures.json("syntch-postcustomer.json", PostCustomer.class);
        assertThat(mapper.toRequest(mapper.toCanonical(original).value()).value()).isEqualTo(original);
    }

    @Test
    void reads_the_creation_timestamp_of_a_customer_detail_and_year_0001_as_absent() {
        CustomerDetail sample = Fixtures.json("syntch-customerdetail-doc.json", CustomerDetail.class);
        assertThat(mapper.toCanonical(sample).value().since()).isNull();

        CustomerDetail created = new CustomerDetail(5012L, "C-1", "N", ActivationStatus.ACTIVE, 1,
                "2024-03-01T09:30:00.0000000", null, null, null, null);
        assertThat(mapper.toCanonical(created).value().since()).isEqualTo(OffsetDateTime.parse("2024-03-01T09:30:00Z"));
    }

    @Test
    void makes_the_customer_detail_for_a_stored_customer() {
        Customer customer = Fixtures.json("canonical-customer.json", Customer.class);
        CustomerDetail detail = mapper.toDetail(customer, 5012L).value();
        assertThat(detail.customerKey()).isEqualTo(5012L);
        assertThat(detail.customerId()).isEqualTo("C-1001");
        assertThat(detail.creationTimestamp()).isEqualTo("2024-03-01T09:30:00.0000000");
        assertThat(detail.activationStatus()).isEqualTo(ActivationStatus.ACTIVE);
    }

    @Test
    void a_request_or_an_answer_without_an_activation_status_maps_to_a_customer_without_one() {
        PostCustomer request = Fixtures.json("syntch-postcustomer.json", PostCustomer.class);
        PostCustomer noStatus = new PostCustomer(request.customerName(), request.customerId(), request.merchantKey(),
                request.defaultContact(), request.shippingAddress(), request.billingAddress(), null);
        assertThat(mapper.toCanonical(noStatus).value().status()).isNull();

        CustomerDetail answer = new CustomerDetail(5012L, "C-1", "N", null, 1, null, null, null, null, null);
        assertThat(mapper.toCanonical(answer).value().status()).isNull();
    }

    @Test
    void the_customer_detail_warns_about_what_syntch_does_not_keep() {
        Customer customer = Fixtures.json("canonical-customer.json", Customer.class);
        assertThat(mapper.toDetail(customer, 5012L).warnings()).extracting(FieldMessage::field)
                .contains("locale", "contracts");
    }
}
