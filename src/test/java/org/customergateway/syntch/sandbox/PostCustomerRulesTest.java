package org.customergateway.syntch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The Syntch simulator's own reading of its document: each rule refuses what breaks it, alone. */
class PostCustomerRulesTest {

    @Test
    void the_documents_example_customer_passes() {
        assertThat(PostCustomerRules.check(customer())).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(nullValues = "NULL", value = {
            "CustomerName, NULL, CustomerName",
            "CustomerName, '', CustomerName",
            "CustomerName, 101, CustomerName",
            "CustomerId, 51, CustomerId",
            "ActivationStatus, NULL, ActivationStatus",
            "ActivationStatus, Inactive, ActivationStatus",
            "ActivationStatus, Deleted, ActivationStatus",
            "DefaultContact.FirstName, 51, DefaultContact.FirstName",
            "DefaultContact.LastName, 51, DefaultContact.LastName",
            "DefaultContact.JobTitle, 51, DefaultContact.JobTitle",
            "DefaultContact.DepartmentName, 51, DefaultContact.DepartmentName",
            "DefaultContact.EmailAddress, 101, DefaultContact.EmailAddress",
            "DefaultContact.DaytimeTelephoneNumber, 26, DefaultContact.DaytimeTelephoneNumber",
            "DefaultContact.NighttimeTelephoneNumber, 26, DefaultContact.NighttimeTelephoneNumber",
            "DefaultContact.FaxNumber, 26, DefaultContact.FaxNumber",
            "DefaultContact.MobileTelephoneNumber, 26, DefaultContact.MobileTelephoneNumber",
            "ShippingAddress.StreetAddress1, NULL, ShippingAddress.StreetAddress1",
            "ShippingAddress.StreetAddress1, 51, ShippingAddress.StreetAddress1",
            "ShippingAddress.StreetAddress2, 51, ShippingAddress.StreetAddress2",
            "ShippingAddress.StreetAddress3, 51, ShippingAddress.StreetAddress3",
            "ShippingAddress.City, 51, ShippingAddress.City",
            "ShippingAddress.PostalCode, NULL, ShippingAddress.PostalCode",
            "ShippingAddress.PostalCode, 31, ShippingAddress.PostalCode",
            "ShippingAddress.CountryCode, NULL, ShippingAddress.CountryCode",
            "ShippingAddress.CountryCode, MEX, ShippingAddress.CountryCode",
            "ShippingAddress.CountryCode, CA, ShippingAddress.CountryCode",
            "ShippingAddress.StateOrProvinceCode, NULL, ShippingAddress.StateOrProvinceCode",
            "ShippingAddress.StateOrProvinceCode, XX, ShippingAddress.StateOrProvinceCode",
            "ShippingAddress.StateOrProvinceCode, NY, ShippingAddress.StateOrProvinceCode",
            "BillingAddress.StateOrProvinceCode, ON, BillingAddress.StateOrProvinceCode",
            "BillingAddress.PostalCode, NULL, BillingAddress.PostalCode",
    })
    void a_broken_rule_is_named_by_its_field(String path, String value, String field) {
        ObjectNode customer = customer();
        set(customer, path, value);
        List<FieldMessage> broken = PostCustomerRules.check(customer);
        assertThat(broken).extracting(FieldMessage::field).containsExactly(field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"CustomerName, 100", "CustomerId, 50", "DefaultContact.EmailAddress, 100",
            "DefaultContact.FaxNumber, 25", "ShippingAddress.StreetAddress1, 50", "ShippingAddress.PostalCode, 30"})
    void a_value_at_its_limit_passes(String path, String length) {
        ObjectNode customer = customer();
        set(customer, path, length);
        assertThat(PostCustomerRules.check(customer)).isEmpty();
    }

    @Test
    void a_default_contact_is_required() {
        ObjectNode customer = customer();
        customer.remove("DefaultContact");
        assertThat(PostCustomerRules.check(customer)).extracting(FieldMessage::field).containsExactly("DefaultContact");
    }

    @Test
    void a_default_contact_or_a_status_sent_as_null_is_missing_too() {
        ObjectNode customer = customer();
        customer.putNull("DefaultContact");
        customer.putNull("ActivationStatus");
        assertThat(PostCustomerRules.check(customer)).containsExactly(
                new FieldMessage("DefaultContact", "'Default Contact' must not be empty."),
                new FieldMessage("ActivationStatus", "'Activation Status' must not be empty."));
    }

    @Test
    void a_code_in_neither_list_is_no_code_at_all_in_either_country() {
        for (String country : new String[] {"USA", "CAN"}) {
            ObjectNode customer = customer();
            ((ObjectNode) customer.get("ShippingAddress")).put("StateOrProvinceCode", "XX").put("CountryCode", country);
            assertThat(PostCustomerRules.check(customer)).containsExactly(new FieldMessage(
                    "ShippingAddress.StateOrProvinceCode", "'XX' is not a state or province code."));
        }
    }

    @Test
    void the_contacts_own_billing_address_is_checked_too() {
        ObjectNode customer = customer();
        ((ObjectNode) customer.get("DefaultContact")).putObject("BillingAddress").put("StreetAddress1", "1 A St")
                .put("StateOrProvinceCode", "ON").put("PostalCode", "1").put("CountryCode", "USA");
        assertThat(PostCustomerRules.check(customer)).extracting(FieldMessage::field)
                .containsExactly("DefaultContact.BillingAddress.StateOrProvinceCode");
    }

    @Test
    void one_address_is_enough_and_none_is_refused() {
        ObjectNode customer = customer();
        customer.remove("BillingAddress");
        assertThat(PostCustomerRules.check(customer)).isEmpty();
        customer.remove("ShippingAddress");
        assertThat(PostCustomerRules.check(customer)).extracting(FieldMessage::field).containsExactly("ShippingAddress");
    }

    @Test
    void the_contacts_own_addresses_are_checked_too() {
        ObjectNode customer = customer();
        ((ObjectNode) customer.get("DefaultContact")).putObject("ShippingAddress").put("StreetAddress1", "1 A St")
                .put("StateOrProvinceCode", "NY").put("PostalCode", "1").put("CountryCode", "CAN");
        assertThat(PostCustomerRules.check(customer)).extracting(FieldMessage::field)
                .containsExactly("DefaultContact.ShippingAddress.StateOrProvinceCode");
    }

    @Test
    void a_fractional_merchant_key_is_refused() {
        ObjectNode customer = customer();
        customer.put("MerchantKey", 4711.5);
        assertThat(PostCustomerRules.check(customer)).extracting(FieldMessage::field).containsExactly("MerchantKey");
    }

    private static ObjectNode customer() {
        return (ObjectNode) Fixtures.CODECS.json().valueToTree(readFixture());
    }

    private static JsonNode readFixture() {
        try {
            return Fixtures.CODECS.json().readTree(Fixtures.bytes("syntch-postcustomer.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A number stands for a text of that many characters. */
    private static void set(ObjectNode customer, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = customer;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        String name = parts[parts.length - 1];
        if (value == null) {
            node.putNull(name);
        } else if (value.matches("[0-9]+")) {
            node.put(name, "x".repeat(Integer.parseInt(value)));
        } else {
            node.put(name, value);
        }
    }
}
