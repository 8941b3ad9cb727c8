package org.customergateway.syntch;

import static org.assertj.core.api.Assertions.assertThat;

import org.customergateway.mapping.FieldMessage;
import org.junit.jupiter.api.Test;

class SyntchCreateRulesTest {

    private final SyntchCreateRules rules = new SyntchCreateRules();

    @Test
    void checks_the_province_of_the_contacts_own_addresses_too() {
        SyntchAddress ontarioInUsa = new SyntchAddress("1 A St", null, null, null, "ON", "1", "USA");
        SyntchContact contact = new SyntchContact(null, null, null, null, null, null, null, null, null, ontarioInUsa, null);
        PostCustomer customer = new PostCustomer("Acme", "C-1", null, contact,
                new SyntchAddress("1 Main St", null, null, null, "NY", "10001", "USA"), null, ActivationStatus.ACTIVE);
        assertThat(rules.check(customer)).containsExactly(
                new FieldMessage("DefaultContact.BillingAddress.StateOrProvinceCode", "ON is not a state or province of USA"));
    }

    @Test
    void every_syntch_region_belongs_to_exactly_one_of_its_two_countries() {
        assertThat(SyntchRegions.countryOf("NY")).isEqualTo("USA");
        assertThat(SyntchRegions.countryOf("DC")).isEqualTo("USA");
        assertThat(SyntchRegions.countryOf("QC")).isEqualTo("CAN");
        assertThat(SyntchRegions.countryOf("BY")).isNull();
        assertThat(SyntchRegions.codes().stream().filter(c -> SyntchRegions.countryOf(c).equals("USA"))).hasSize(51);
    }
}
