package org.customergateway.syntch;

import java.util.ArrayList;
import java.util.List;
import org.customergateway.mapping.FieldMessage;

/**
 * Syntch's rules for a create that span more than one field, so cannot sit on one annotation:
 * only Pending or Active, one address at least, and a state or province of the address's own country.
 */
public final class SyntchCreateRules {

    public List<FieldMessage> check(PostCustomer customer) {
        List<FieldMessage> violations = new ArrayList<>(0);
        ActivationStatus status = customer.activationStatus();
        if (status != null && !status.isAllowedOnCreate()) {
            violations.add(new FieldMessage("ActivationStatus",
                    "must be Pending or Active on create, not " + status.toCanonical()));
        }
        if (customer.shippingAddress() == null && customer.billingAddress() == null) {
            violations.add(new FieldMessage("ShippingAddress", "either ShippingAddress or BillingAddress is required"));
        }
        checkRegion(customer.shippingAddress(), "ShippingAddress", violations);
        checkRegion(customer.billingAddress(), "BillingAddress", violations);
        SyntchContact contact = customer.defaultContact();
        if (contact != null) {
            checkRegion(contact.shippingAddress(), "DefaultContact.ShippingAddress", violations);
            checkRegion(contact.billingAddress(), "DefaultContact.BillingAddress", violations);
        }
        return violations;
    }

    private static void checkRegion(SyntchAddress address, String path, List<FieldMessage> violations) {
        if (address == null || address.stateOrProvinceCode() == null) {
            return;
        }
        String owner = SyntchRegions.countryOf(address.stateOrProvinceCode());
        String country = address.countryCode();
        if (owner != null && ("USA".equals(country) || "CAN".equals(country)) && !owner.equals(country)) {
            violations.add(new FieldMessage(path + ".StateOrProvinceCode",
                    address.stateOrProvinceCode() + " is not a state or province of " + country));
        }
    }
}
