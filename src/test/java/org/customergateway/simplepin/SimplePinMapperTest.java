package org.customergateway.simplepin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.customergateway.canonical.Address;
import org.customergateway.canonical.Contact;
import org.customergateway.canonical.Contract;
import org.customergateway.canonical.Customer;
import org.customergateway.canonical.CustomerStatus;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.Mapped;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.api.Test;

class SimplePinMapperTest {

    private final SimplePinMapper mapper = new SimplePinMapper(Fixtures.GEOGRAPHY);

    @Test
    void maps_a_request_to_canonical_field_by_field() {
        CCProfileApiV2Model request = Fixtures.json("simplepin-request.json", CCProfileApiV2Model.class);
        Mapped<Customer> mapped = mapper.toCanonical(request, "fr");
        Customer customer = mapped.value();

        assertThat(customer.customerId()).isEqualTo("C-1001");
        assertThat(customer.name()).isEqualTo("Acme Hardware Ltd");
        assertThat(customer.since()).isEqualTo(OffsetDateTime.parse("2024-03-01T09:30:00Z"));
        assertThat(customer.locale()).isEqualTo("fr");
        assertThat(customer.status()).isNull();
        assertThat(customer.contact()).isEqualTo(
                new Contact(null, null, null, null, "ada@acme.test", "+1 416 555 0100", null, "+1 416 555 0101", null));
        assertThat(customer.shippingAddress()).isEqualTo(
                new Address(List.of("12 Main Street, Suite 4"), "Toronto", "ON", "M5V 2T6", "CAN"));
        assertThat(customer.contracts()).containsExactly(new Contract(7, "Gold"));
        assertThat(mapped.violations()).isEmpty();
    }

    @Test
    void takes_the_selected_billing_address_and_warns_about_the_others() {
        Mapped<Customer> mapped = mapper.toCanonical(Fixtures.json("simplepin-request.json", CCProfileApiV2Model.class), null);

        assertThat(mapped.value().billingAddress().city()).isEqualTo("Toronto");
        assertThat(mapped.warnings()).containsExactly(
                new FieldMessage("billing_addresses[0]", "only the selected billing address is kept, dropped"));
        assertThat(mapped.sourcePaths()).containsEntry("billing_addresses[0]", "billing_addresses[1]");
    }

    @Test
    void takes_the_first_billing_address_when_none_is_selected() {
        AddressApiV2Model first = new AddressApiV2Model(null, "1", "First", 124, 60, "1 A St", null);
        AddressApiV2Model second = new AddressApiV2Model(null, "2", "Second", 124, 60, "2 B St", false);
        Mapped<Customer> mapped = mapper.toCanonical(request(List.of(first, second), null), null);
        assertThat(mapped.value().billingAddress().city()).isEqualTo("First");
    }

    @Test
    void maps_the_numeric_country_and_province_ids_to_iso_codes() {
        AddressApiV2Model newYork = new AddressApiV2Model(null, "10001", "New York", 840, 35, "1 Broadway", null);
        Address address = mapper.toCanonical(request(null, newYork), null).value().shippingAddress();
        assertThat(address.country()).isEqualTo("USA");
        assertThat(address.region()).isEqualTo("NY");
    }

    @Test
    void infers_the_country_from_the_province_when_the_country_is_missing() {
        AddressApiV2Model toronto = new AddressApiV2Model(null, "M5V", "Toronto", null, 60, "1 King St", null);
        assertThat(mapper.toCanonical(request(null, toronto), null).value().shippingAddress().country()).isEqualTo("CAN");
    }

    @Test
    void reports_an_unknown_country_or_province_id_under_its_simplepin_path() {
        AddressApiV2Model unknown = new AddressApiV2Model(null, "1", "X", 999, 999, "1 A St", null);
        Mapped<Customer> mapped = mapper.toCanonical(request(null, unknown), null);
        assertThat(mapped.violations()).containsExactly(
                new FieldMessage("main_address.country", "unknown SimplePin country id 999"),
                new FieldMessage("main_address.province", "unknown SimplePin province id 999"));
    }

    @Test
    void reports_a_province_of_another_country() {
        AddressApiV2Model ontarioInUsa = new AddressApiV2Model(null, "1", "X", 840, 60, "1 A St", null);
        assertThat(mapper.toCanonical(request(null, ontarioInUsa), null).violations()).containsExactly(
                new FieldMessage("main_address.province", "province 60 (ON) is not in country 840 (USA)"));
    }

    @Test
    void warns_that_billing_address_deletions_have_no_canonical_place() {
        CCProfileApiV2Model request = new CCProfileApiV2Model(null, null, null, "C-1", "N", null, List.of(5L), null, null, null);
        assertThat(mapper.toCanonical(request, null).warnings())
                .containsExactly(new FieldMessage("delete_billing_address_ids", "no place in canonical, dropped"));
    }

    @Test
    void maps_canonical_to_a_request_joining_lines_and_looking_up_ids() {
        Customer customer = Fixtures.json("canonical-customer.json", Customer.class);
        Mapped<CCProfileApiV2Model> mapped = mapper.toRequest(customer);
        CCProfileApiV2Model request = mapped.value();

        assertThat(request.customerId()).isEqualTo("C-1001");
        assertThat(request.customerName()).isEqualTo("Acme Hardware Ltd");
        assertThat(request.customerSince()).isEqualTo(OffsetDateTime.parse("2024-03-01T09:30:00Z"));
        assertThat(request.contractEmail()).isEqualTo("ada@acme.test");
        assertThat(request.phoneNumber()).isEqualTo("+1 416 555 0100");
        assertThat(request.mobileNumber()).isEqualTo("+1 416 555 0101");
        assertThat(request.mainAddress()).isEqualTo(
                new AddressApiV2Model(null, "M5V 2T6", "Toronto", 124, 60, "12 Main Street, Suite 4", null));
        assertThat(request.billingAddresses()).isNull();
        assertThat(request.contracts()).containsExactly(new CcContractV2Model(7, "Gold"));
        assertThat(mapped.violations()).isEmpty();
    }

    @Test
    void drops_with_a_warning_every_canonical_field_simplepin_has_no_place_for() {
        Customer customer = Fixtures.json("canonical-customer.json", Customer.class);
        assertThat(mapper.toRequest(customer).warnings()).extracting(FieldMessage::toString).containsExactly(
                "status: no place in SimplePin, dropped",
                "merchantKey: no place in SimplePin, dropped",
                "contact.firstName: no place in SimplePin, dropped",
                "contact.lastName: no place in SimplePin, dropped",
                "contact.jobTitle: no place in SimplePin, dropped",
                "contact.department: no place in SimplePin, dropped");
    }

    @Test
    void sends_the_billing_address_as_the_one_selected_billing_address() {
        Address billing = new Address(List.of("1 Billing Rd"), "Ottawa", "ON", "K1A", "CAN");
        Customer customer = new Customer("C-1", "N", null, null, null, null, null, null, billing, null);
        assertThat(mapper.toRequest(customer).value().billingAddresses()).containsExactly(
                new AddressApiV2Model(null, "K1A", "Ottawa", 124, 60, "1 Billing Rd", true));
    }

    @Test
    void reports_a_country_or_province_simplepins_tables_do_not_have() {
        Customer unknownCountry = withShipping(new Address(List.of("1 A St"), null, null, "1", "BTN"));
        assertThat(mapper.toRequest(unknownCountry).violations()).containsExactly(
                new FieldMessage("shippingAddress.country", "SimplePin's country table has no BTN"));

        Customer ontarioInUsa = withShipping(new Address(List.of("1 A St"), null, "ON", "1", "USA"));
        assertThat(mapper.toRequest(ontarioInUsa).violations()).containsExactly(
                new FieldMessage("shippingAddress.region", "'ON' is not a province of USA in SimplePin's tables"));

        Customer regionWithoutCountry = withShipping(new Address(List.of("1 A St"), null, "ON", "1", null));
        assertThat(mapper.toRequest(regionWithoutCountry).violations()).containsExactly(
                new FieldMessage("shippingAddress.region", "a region needs a country"));
    }

    @Test
    void maps_a_profile_answer_to_canonical_with_its_status() {
        CCProfileV2Model answer = new CCProfileV2Model(3L, List.of(), "e@x.test", null, "C-9", "Nine",
                OffsetDateTime.parse("2024-03-01T09:30:00Z"), 42L, null, null, null, SimplePinStatus.REQUIRES_ACTIVATION, 1);
        Customer customer = mapper.toCanonical(answer).value();
        assertThat(customer.status()).isEqualTo(CustomerStatus.PENDING);
        assertThat(customer.customerId()).isEqualTo("C-9");
    }

    @Test
    void takes_the_selected_one_of_an_answers_billing_address_models() {
        AddressApiV2Model first = new AddressApiV2Model(1L, "1", "First", 124, 60, "1 A St", false);
        AddressApiV2Model selected = new AddressApiV2Model(2L, "2", "Chosen", 124, 60, "2 B St", true);
        CCProfileV2Model answer = new CCProfileV2Model(2L, List.of(first, selected), null, null, "C-9", "Nine", null, 42L,
                null, null, null, SimplePinStatus.ACTIVE, 1);
        Mapped<Customer> mapped = mapper.toCanonical(answer);
        assertThat(mapped.value().billingAddress().city()).isEqualTo("Chosen");
        assertThat(mapped.sourcePaths()).containsEntry("billing_addresses[0]", "billing_address_models[1]");
    }

    @Test
    void maps_every_canonical_status_to_simplepins_and_back() {
        assertThat(SimplePinStatus.fromCanonical(CustomerStatus.PENDING)).isEqualTo(SimplePinStatus.REQUIRES_ACTIVATION);
        for (CustomerStatus status : CustomerStatus.values()) {
            assertThat(SimplePinStatus.fromCanonical(status).toCanonical()).isEqualTo(status);
        }
    }

    @Test
    void makes_the_profile_answer_for_a_stored_customer() {
        Customer customer = Fixtures.json("canonical-customer.json", Customer.class);
        CCProfileV2Model profile = mapper.toProfile(customer, 77L).value();
        assertThat(profile.id()).isEqualTo(77L);
        assertThat(profile.status()).isEqualTo(SimplePinStatus.ACTIVE);
        assertThat(profile.mainAddress().province()).isEqualTo(60);
    }

    @Test
    void a_simplepin_request_goes_to_canonical_and_back_unchanged() {
        CCProfileApiV2Model original = Fixtures.json("simplepin-request.json", CCProfileApiV2Model.class);
        CCProfileApiV2Model back = mapper.toRequest(mapper.toCanonical(original, null).value()).value();

        // Only what canonical cannot hold differs: the unselected billing address is gone and the
        // selected one comes back marked selected.
        assertThat(back).usingRecursiveComparison().ignoringFields("billingAddresses").isEqualTo(original);
        assertThat(back.billingAddresses()).containsExactly(original.billingAddresses().get(1));
    }

    @Test
    void the_vendor_documents_own_sample_reads_and_maps() {
        CCProfileApiV2Model sample = Fixtures.json("simplepin-request-doc.json", CCProfileApiV2Model.class);
        Mapped<Customer> mapped = mapper.toCanonical(sample, null);
        assertThat(mapped.value().customerId()).isEqualTo("string");
        // its placeholder ids (0) are no real country or province
        assertThat(mapped.violations()).extracting(FieldMessage::field)
                .contains("main_address.country", "main_address.province", "billing_addresses[0].country");
    }

    private static CCProfileApiV2Model request(List<AddressApiV2Model> billing, AddressApiV2Model main) {
        return new CCProfileApiV2Model(billing, null, null, "C-1", "Name", null, null, main, null, null);
    }

    private static Customer withShipping(Address shipping) {
        return new Customer("C-1", "N", null, null, null, null, null, shipping, null, null);
    }

    @Test
    void an_answer_without_a_status_maps_to_a_customer_without_one() {
        CCProfileV2Model answer = new CCProfileV2Model(null, List.of(), null, null, "C-9", "Nine", null, 42L, null, null,
                null, null, 1);
        assertThat(mapper.toCanonical(answer).value().status()).isNull();
    }

    @Test
    void a_stored_customer_without_contact_or_addresses_still_makes_a_profile() {
        Customer bare = new Customer("C-7", "Bare", null, null, null, null, null, null, null, null);
        CCProfileV2Model profile = mapper.toProfile(bare, 7L).value();
        assertThat(profile.contractEmail()).isNull();
        assertThat(profile.phoneNumber()).isNull();
        assertThat(profile.mobileNumber()).isNull();
        assertThat(profile.mainAddress()).isNull();
    }

    @Test
    void the_profile_answer_warns_about_an_evening_phone_and_a_fax_too() {
        Customer customer = new Customer("C-8", "Eight", null, null, null, null,
                new Contact(null, null, null, null, null, null, "+1 555 0199", null, "+1 555 0102"), null, null, null);
        assertThat(mapper.toProfile(customer, 8L).warnings()).extracting(FieldMessage::field)
                .containsExactly("contact.eveningPhone", "contact.fax");
    }

    @Test
    void the_profile_answer_warns_about_what_simplepin_does_not_keep() {
        Customer customer = Fixtures.json("canonical-customer.json", Customer.class);
        assertThat(mapper.toProfile(customer, 77L).warnings()).extracting(FieldMessage::field)
                .contains("merchantKey", "contact.firstName", "contact.lastName", "contact.jobTitle", "contact.department");
    }
}
