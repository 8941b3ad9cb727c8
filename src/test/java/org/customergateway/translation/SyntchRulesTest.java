package org.customergateway.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.mapping.SchemaName.CANONICAL;
import static org.customergateway.mapping.SchemaName.SIMPLEPIN;
import static org.customergateway.mapping.SchemaName.SYNTCH;

import java.util.List;
import org.customergateway.canonical.Address;
import org.customergateway.canonical.Contact;
import org.customergateway.canonical.Customer;
import org.customergateway.canonical.CustomerStatus;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.simplepin.AddressApiV2Model;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.support.Fixtures;
import org.customergateway.syntch.ActivationStatus;
import org.customergateway.syntch.PostCustomer;
import org.customergateway.syntch.SyntchAddress;
import org.customergateway.syntch.SyntchContact;
import org.junit.jupiter.api.Test;

/** Every Syntch rule of docs/customers.md, each reported under the caller's own field path. */
class SyntchRulesTest {

    private static final Contact CONTACT = new Contact("Ada", "Lovelace", null, null, "ada@acme.test", null, null, null, null);
    private static final Address TORONTO = new Address(List.of("12 Main Street"), "Toronto", "ON", "M5V 2T6", "CAN");

    private final Translator translator = Fixtures.translator();

    @Test
    void a_complete_customer_breaks_no_rule() {
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, TORONTO, null, CustomerStatus.ACTIVE))).isEmpty();
    }

    @Test
    void customer_name_is_required_and_at_most_100_characters() {
        assertThat(toSyntch(customer("C-1", null, CONTACT, TORONTO, null, null)))
                .containsExactly(new FieldMessage("name", "is required"));
        assertThat(toSyntch(customer("C-1", "n".repeat(101), CONTACT, TORONTO, null, null)))
                .containsExactly(new FieldMessage("name", "must be at most 100 characters"));
        assertThat(toSyntch(customer("C-1", "n".repeat(100), CONTACT, TORONTO, null, null))).isEmpty();
    }

    @Test
    void customer_id_is_at_most_50_characters() {
        assertThat(toSyntch(customer("c".repeat(51), "Acme", CONTACT, TORONTO, null, null)))
                .containsExactly(new FieldMessage("customerId", "must be at most 50 characters"));
    }

    @Test
    void the_default_contact_is_required() {
        assertThat(toSyntch(customer("C-1", "Acme", null, TORONTO, null, null)))
                .containsExactly(new FieldMessage("contact", "is required"));
    }

    @Test
    void contact_fields_keep_their_limits() {
        Contact tooLong = new Contact("f".repeat(51), "l".repeat(51), "j".repeat(51), "d".repeat(51),
                "e".repeat(101), "p".repeat(26), "n".repeat(26), "m".repeat(26), "x".repeat(26));
        assertThat(toSyntch(customer("C-1", "Acme", tooLong, TORONTO, null, null))).containsExactlyInAnyOrder(
                new FieldMessage("contact.firstName", "must be at most 50 characters"),
                new FieldMessage("contact.lastName", "must be at most 50 characters"),
                new FieldMessage("contact.jobTitle", "must be at most 50 characters"),
                new FieldMessage("contact.department", "must be at most 50 characters"),
                new FieldMessage("contact.email", "must be at most 100 characters"),
                new FieldMessage("contact.phone", "must be at most 25 characters"),
                new FieldMessage("contact.eveningPhone", "must be at most 25 characters"),
                new FieldMessage("contact.mobile", "must be at most 25 characters"),
                new FieldMessage("contact.fax", "must be at most 25 characters"));
    }

    @Test
    void an_address_needs_a_first_line_a_postal_code_a_region_and_a_country() {
        Address empty = new Address(List.of(), null, null, null, null);
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, empty, null, null))).containsExactlyInAnyOrder(
                new FieldMessage("shippingAddress.lines[0]", "is required"),
                new FieldMessage("shippingAddress.postalCode", "is required"),
                new FieldMessage("shippingAddress.region", "is required"),
                new FieldMessage("shippingAddress.country", "is required"));
    }

    @Test
    void address_fields_keep_their_limits() {
        Address tooLong = new Address(List.of("a".repeat(51), "b".repeat(51), "c".repeat(51)), "t".repeat(51), "ON",
                "z".repeat(31), "CAN");
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, null, tooLong, null))).containsExactlyInAnyOrder(
                new FieldMessage("billingAddress.lines[0]", "must be at most 50 characters"),
                new FieldMessage("billingAddress.lines[1]", "must be at most 50 characters"),
                new FieldMessage("billingAddress.lines[2]", "must be at most 50 characters"),
                new FieldMessage("billingAddress.city", "must be at most 50 characters"),
                new FieldMessage("billingAddress.postalCode", "must be at most 30 characters"));
    }

    @Test
    void the_country_is_usa_or_can_only() {
        Address london = new Address(List.of("1 Strand"), "London", "ON", "WC2", "GBR");
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, london, null, null)))
                .containsExactly(new FieldMessage("shippingAddress.country", "must be USA or CAN"));
    }

    @Test
    void the_region_is_in_the_allowed_list() {
        Address bavaria = new Address(List.of("1 Strasse"), null, "BY", "80331", "USA");
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, bavaria, null, null)))
                .containsExactly(new FieldMessage("shippingAddress.region", "must be a USA state or CAN province code"));
    }

    @Test
    void the_region_belongs_to_the_country() {
        Address ontarioInUsa = new Address(List.of("1 Main St"), null, "ON", "10001", "USA");
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, ontarioInUsa, null, null)))
                .containsExactly(new FieldMessage("shippingAddress.region", "ON is not a state or province of USA"));
    }

    @Test
    void a_create_takes_only_pending_or_active() {
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, TORONTO, null, CustomerStatus.PENDING))).isEmpty();
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, TORONTO, null, CustomerStatus.INACTIVE)))
                .containsExactly(new FieldMessage("status", "must be Pending or Active on create, not INACTIVE"));
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, TORONTO, null, CustomerStatus.DELETED)))
                .containsExactly(new FieldMessage("status", "must be Pending or Active on create, not DELETED"));
    }

    @Test
    void needs_a_shipping_or_a_billing_address() {
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, null, null, null)))
                .containsExactly(new FieldMessage("shippingAddress", "either ShippingAddress or BillingAddress is required"));
        assertThat(toSyntch(customer("C-1", "Acme", CONTACT, null, TORONTO, null))).isEmpty();
    }

    @Test
    void reports_every_violation_at_once() {
        Address bad = new Address(List.of(), null, "ON", null, "USA");
        assertThat(toSyntch(customer("c".repeat(51), null, null, bad, null, CustomerStatus.DELETED)))
                .extracting(FieldMessage::field).containsExactlyInAnyOrder("name", "customerId", "contact",
                        "shippingAddress.lines[0]", "shippingAddress.postalCode", "shippingAddress.region", "status");
    }

    @Test
    void a_syntch_caller_reads_syntch_paths() {
        PostCustomer request = new PostCustomer(null, "C-1", null, new SyntchContact(null, null, null, null, null, null,
                null, null, null, null, new SyntchAddress("1 A St", null, null, null, "ON", "1", "USA")),
                new SyntchAddress("1 Main St", null, null, null, "NY", "z".repeat(31), "USA"), null, ActivationStatus.DELETED);
        Translation translation = translator.translate(SYNTCH, SYNTCH, request);
        assertThat(translation.violations()).containsExactlyInAnyOrder(
                new FieldMessage("CustomerName", "is required"),
                new FieldMessage("ShippingAddress.PostalCode", "must be at most 30 characters"),
                new FieldMessage("ActivationStatus", "must be Pending or Active on create, not DELETED"));
        // the contact's own addresses have no canonical place, so they never reach the target's rules
        assertThat(translation.warnings()).containsExactly("DefaultContact.ShippingAddress: no place in canonical, dropped");
    }

    @Test
    void a_simplepin_caller_reads_simplepin_paths() {
        AddressApiV2Model longZip = new AddressApiV2Model(null, "z".repeat(31), "Toronto", 124, 60, "12 Main Street", null);
        AddressApiV2Model unselected = new AddressApiV2Model(null, "1", "Ottawa", 124, 60, "1 Wellington", false);
        AddressApiV2Model selected = new AddressApiV2Model(null, "z".repeat(31), "Ottawa", 124, 60, "1 Wellington", true);
        CCProfileApiV2Model request = new CCProfileApiV2Model(List.of(unselected, selected), null, null, "C-1", null,
                null, null, longZip, null, null);
        assertThat(translator.translate(SIMPLEPIN, SYNTCH, request).violations()).containsExactlyInAnyOrder(
                new FieldMessage("customer_name", "is required"),
                new FieldMessage("DefaultContact", "is required"),
                new FieldMessage("main_address.zip", "must be at most 30 characters"),
                new FieldMessage("billing_addresses[1].zip", "must be at most 30 characters"));
    }

    @Test
    void a_long_simplepin_address_that_needs_four_lines_is_reported_on_its_address() {
        String address = "a".repeat(45) + ", " + "b".repeat(45) + ", " + "c".repeat(45) + ", " + "d".repeat(45);
        AddressApiV2Model main = new AddressApiV2Model(null, "M5V", "Toronto", 124, 60, address, null);
        CCProfileApiV2Model request = new CCProfileApiV2Model(null, "e@x.test", null, "C-1", "Acme", null, null, main,
                null, null);
        assertThat(translator.translate(SIMPLEPIN, SYNTCH, request).violations())
                .containsExactly(new FieldMessage("main_address.address", "has 4 lines; Syntch takes at most 3"));
    }

    private List<FieldMessage> toSyntch(Customer customer) {
        return translator.translate(CANONICAL, SYNTCH, customer).violations();
    }

    static Customer customer(String id, String name, Contact contact, Address shipping, Address billing,
                             CustomerStatus status) {
        return new Customer(id, name, status, null, null, null, contact, shipping, billing, null);
    }
}
