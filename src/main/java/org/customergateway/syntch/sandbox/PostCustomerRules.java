package org.customergateway.syntch.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.customergateway.mapping.FieldMessage;

/**
 * Syntch's rules for {@code POST /customers}, written again from its document
 * ({@code vendor-docs/syntch-post-customers.txt}) for the simulator alone, on the request as it came
 * (a JSON tree, not the gateway's model): README.md wants the simulator to check with code of its own,
 * so that a rule the gateway gets wrong (too lenient, too strict) shows as a vendor refusal in the
 * tests instead of being shared by both sides.
 */
public final class PostCustomerRules {

    /** The document's CHAR-2 codes: the 50 states and DC, then the 13 provinces and territories. */
    private static final Set<String> USA = Set.of("AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI",
            "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH",
            "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI",
            "WV", "WY");
    private static final Set<String> CAN = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC",
            "SK", "YT");

    private PostCustomerRules() {
    }

    /** Every rule the request breaks, each named by its field as Syntch names it. */
    public static List<FieldMessage> check(JsonNode customer) {
        List<FieldMessage> broken = new ArrayList<>();
        required(customer, "CustomerName", 100, "", broken);
        optional(customer, "CustomerId", 50, "", broken);
        JsonNode merchantKey = customer.get("MerchantKey");
        if (merchantKey != null && !merchantKey.isNull() && !merchantKey.isIntegralNumber()) {
            broken.add(new FieldMessage("MerchantKey", "'MerchantKey' must be a whole number."));
        }
        JsonNode contact = customer.get("DefaultContact");
        if (contact == null || contact.isNull()) {
            broken.add(new FieldMessage("DefaultContact", "'Default Contact' must not be empty."));
        } else {
            for (String name : List.of("LastName", "FirstName", "JobTitle", "DepartmentName")) {
                optional(contact, name, 50, "DefaultContact.", broken);
            }
            optional(contact, "EmailAddress", 100, "DefaultContact.", broken);
            for (String name : List.of("DaytimeTelephoneNumber", "NighttimeTelephoneNumber", "FaxNumber",
                    "MobileTelephoneNumber")) {
                optional(contact, name, 25, "DefaultContact.", broken);
            }
            address(contact.get("BillingAddress"), "DefaultContact.BillingAddress.", broken);
            address(contact.get("ShippingAddress"), "DefaultContact.ShippingAddress.", broken);
        }
        JsonNode shipping = customer.get("ShippingAddress");
        JsonNode billing = customer.get("BillingAddress");
        if (absent(shipping) && absent(billing)) {
            broken.add(new FieldMessage("ShippingAddress", "Either a shipping address, a billing address, or both are required."));
        }
        address(shipping, "ShippingAddress.", broken);
        address(billing, "BillingAddress.", broken);
        JsonNode status = customer.get("ActivationStatus");
        if (absent(status)) {
            broken.add(new FieldMessage("ActivationStatus", "'Activation Status' must not be empty."));
        } else if (!status.asText().equals("Pending") && !status.asText().equals("Active")) {
            broken.add(new FieldMessage("ActivationStatus", "'Activation Status' must be Pending or Active for a new customer."));
        }
        return broken;
    }

    private static void address(JsonNode address, String prefix, List<FieldMessage> broken) {
        if (absent(address)) {
            return;
        }
        required(address, "StreetAddress1", 50, prefix, broken);
        optional(address, "StreetAddress2", 50, prefix, broken);
        optional(address, "StreetAddress3", 50, prefix, broken);
        optional(address, "City", 50, prefix, broken);
        required(address, "PostalCode", 30, prefix, broken);
        String country = text(address, "CountryCode");
        String region = text(address, "StateOrProvinceCode");
        if (country == null) {
            broken.add(new FieldMessage(prefix + "CountryCode", "'Country Code' must not be empty."));
        } else if (!country.equals("USA") && !country.equals("CAN")) {
            broken.add(new FieldMessage(prefix + "CountryCode", "'Country Code' must be USA or CAN."));
        }
        if (region == null) {
            broken.add(new FieldMessage(prefix + "StateOrProvinceCode", "'State Or Province Code' must not be empty."));
        } else if (!USA.contains(region) && !CAN.contains(region)) {
            broken.add(new FieldMessage(prefix + "StateOrProvinceCode", "'" + region + "' is not a state or province code."));
        } else if ("USA".equals(country) && !USA.contains(region) || "CAN".equals(country) && !CAN.contains(region)) {
            broken.add(new FieldMessage(prefix + "StateOrProvinceCode", "'" + region + "' is not in " + country + "."));
        }
    }

    private static void required(JsonNode node, String name, int max, String prefix, List<FieldMessage> broken) {
        String value = text(node, name);
        if (value == null || value.isBlank()) {
            broken.add(new FieldMessage(prefix + name, "'" + name + "' must not be empty."));
        } else if (value.length() > max) {
            broken.add(new FieldMessage(prefix + name, "'" + name + "' cannot exceed " + max + " characters."));
        }
    }

    private static void optional(JsonNode node, String name, int max, String prefix, List<FieldMessage> broken) {
        String value = text(node, name);
        if (value != null && value.length() > max) {
            broken.add(new FieldMessage(prefix + name, "'" + name + "' cannot exceed " + max + " characters."));
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return absent(value) ? null : value.asText();
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }
}
