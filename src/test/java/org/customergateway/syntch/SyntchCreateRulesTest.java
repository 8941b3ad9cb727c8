package org.customergateway.syntch;

import static org.assertj.core.api.Assertions.assertThat;

import org.customergateway.mapping.FieldMessage;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/customers.md's Syntch rules beyond the annotations: status on create, one address at least, a region of its country. */
class SyntchCreateRulesTest {

    private final SyntchCreateRules rules = new SyntchCreateRules();

    @Test
    void the_example_customer_passes() {
        assertThat(rules.check(customer())).isEmpty();
    }

    @ParameterizedTest(name = "{0} in {1} at {2}")
    @CsvSource({
            "NY, CAN, ShippingAddress", "ON, USA, ShippingAddress",
            "NY, CAN, BillingAddress", "ON, USA, BillingAddress",
            "NY, CAN, DefaultContact.ShippingAddress", "ON, USA, DefaultContact.ShippingAddress",
            "NY, CAN, DefaultContact.BillingAddress", "ON, USA, DefaultContact.BillingAddress"})
    void a_region_of_another_country_is_refused_wherever_the_address_is(String region, String country, String where) {
        PostCustomer customer = with(customer(), where, new SyntchAddress("1 A St", null, null, "Town", region, "1", country));
        assertThat(rules.check(customer)).extracting(FieldMessage::field).containsExactly(where + ".StateOrProvinceCode");
        assertThat(rules.check(customer).get(0).message()).isEqualTo(region + " is not a state or province of " + country);
    }

    @Test
    void a_region_of_its_own_country_passes_in_both_countries() {
        PostCustomer customer = with(with(customer(), "ShippingAddress",
                new SyntchAddress("1 A St", null, null, "Town", "NY", "1", "USA")), "BillingAddress",
                new SyntchAddress("1 A St", null, null, "Town", "ON", "1", "CAN"));
        assertThat(rules.check(customer)).isEmpty();
    }

    @Test
    void inactive_and_deleted_are_refused_on_create_and_pending_and_active_pass() {
        for (ActivationStatus status : ActivationStatus.values()) {
            PostCustomer customer = status(customer(), status);
            boolean allowed = status == ActivationStatus.PENDING || status == ActivationStatus.ACTIVE;
            assertThat(rules.check(customer)).as(status.name()).hasSize(allowed ? 0 : 1);
        }
        assertThat(rules.check(status(customer(), null))).as("no status: the default comes later").isEmpty();
    }

    @Test
    void one_address_is_required() {
        PostCustomer customer = with(with(customer(), "ShippingAddress", null), "BillingAddress", null);
        assertThat(rules.check(customer)).extracting(FieldMessage::field).containsExactly("ShippingAddress");
        assertThat(rules.check(with(customer, "BillingAddress", new SyntchAddress("1 A St", null, null, "Town", "ON", "1",
                "CAN")))).isEmpty();
    }

    private static PostCustomer customer() {
        return Fixtures.json("syntch-postcustomer.json", PostCustomer.class);
    }

    private static PostCustomer status(PostCustomer c, ActivationStatus status) {
        return new PostCustomer(c.customerName(), c.customerId(), c.merchantKey(), c.defaultContact(), c.shippingAddress(),
                c.billingAddress(), status);
    }

    private static PostCustomer with(PostCustomer c, String where, SyntchAddress address) {
        SyntchContact contact = c.defaultContact();
        return switch (where) {
            case "ShippingAddress" -> new PostCustomer(c.customerName(), c.customerId(), c.merchantKey(), contact, address,
                    c.billingAddress(), c.activationStatus());
            case "BillingAddress" -> new PostCustomer(c.customerName(), c.customerId(), c.merchantKey(), contact,
                    c.shippingAddress(), address, c.activationStatus());
            case "DefaultContact.ShippingAddress" -> new PostCustomer(c.customerName(), c.customerId(), c.merchantKey(),
                    contact(contact, contact.billingAddress(), address), c.shippingAddress(), c.billingAddress(),
                    c.activationStatus());
            case "DefaultContact.BillingAddress" -> new PostCustomer(c.customerName(), c.customerId(), c.merchantKey(),
                    contact(contact, address, contact.shippingAddress()), c.shippingAddress(), c.billingAddress(),
                    c.activationStatus());
            default -> throw new IllegalArgumentException(where);
        };
    }

    private static SyntchContact contact(SyntchContact c, SyntchAddress billing, SyntchAddress shipping) {
        return new SyntchContact(c.lastName(), c.firstName(), c.jobTitle(), c.departmentName(), c.emailAddress(),
                c.daytimeTelephoneNumber(), c.nighttimeTelephoneNumber(), c.faxNumber(), c.mobileTelephoneNumber(),
                billing, shipping);
    }
}
