package org.customergateway.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.mapping.SchemaName.CANONICAL;
import static org.customergateway.mapping.SchemaName.SIMPLEPIN;
import static org.customergateway.mapping.SchemaName.SYNTCH;

import org.customergateway.canonical.Customer;
import org.customergateway.json.BodyFormat;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.simplepin.CCProfileV2Model;
import org.customergateway.support.Fixtures;
import org.customergateway.syntch.CustomerDetail;
import org.customergateway.syntch.PostCustomer;
import org.junit.jupiter.api.Test;

class TranslatorTest {

    private final Translator translator = Fixtures.translator();

    @Test
    void translates_a_simplepin_xml_profile_into_a_syntch_customer() throws Exception {
        Translation translation = translator.translate(SIMPLEPIN, SYNTCH, Fixtures.bytes("simplepin-request.xml"), BodyFormat.XML);
        PostCustomer customer = (PostCustomer) translation.body();

        assertThat(translation.violations()).isEmpty();
        assertThat(customer.customerId()).isEqualTo("C-1001");
        assertThat(customer.shippingAddress().stateOrProvinceCode()).isEqualTo("ON");
        assertThat(customer.shippingAddress().countryCode()).isEqualTo("CAN");
        assertThat(customer.billingAddress().streetAddress1()).isEqualTo("12 Main Street, Suite 4");
        assertThat(translation.warnings()).containsExactly(
                "customer_since: no place in Syntch, dropped", "contracts: no place in Syntch, dropped");
    }

    @Test
    void a_canonical_customer_goes_through_simplepin_and_back_with_every_field_simplepin_has() throws Exception {
        Customer original = Fixtures.json("canonical-customer.json", Customer.class);
        Object simplePin = translator.translate(CANONICAL, SIMPLEPIN, original).body();
        Customer back = (Customer) translator.translate(SIMPLEPIN, CANONICAL, simplePin).body();

        assertThat(back.customerId()).isEqualTo(original.customerId());
        assertThat(back.name()).isEqualTo(original.name());
        assertThat(back.since()).isEqualTo(original.since());
        assertThat(back.contact().email()).isEqualTo(original.contact().email());
        assertThat(back.contact().phone()).isEqualTo(original.contact().phone());
        assertThat(back.contact().mobile()).isEqualTo(original.contact().mobile());
        assertThat(back.shippingAddress().region()).isEqualTo("ON");
        assertThat(back.shippingAddress().country()).isEqualTo("CAN");
        assertThat(back.contracts()).isEqualTo(original.contracts());
    }

    @Test
    void reads_a_simplepin_answer_by_its_answer_only_fields() throws Exception {
        assertThat(translator.schema(SIMPLEPIN).read(Fixtures.bytes("simplepin-response-doc.json"), BodyFormat.JSON))
                .isInstanceOf(CCProfileV2Model.class);
        assertThat(translator.schema(SIMPLEPIN).read(Fixtures.bytes("simplepin-response-doc.xml"), BodyFormat.XML))
                .isInstanceOf(CCProfileV2Model.class);
        assertThat(translator.schema(SIMPLEPIN).read(Fixtures.bytes("simplepin-request-doc.xml"), BodyFormat.XML))
                .isInstanceOf(CCProfileApiV2Model.class);
    }

    @Test
    void reads_a_syntch_answer_by_its_answer_only_fields() throws Exception {
        assertThat(translator.schema(SYNTCH).read(Fixtures.bytes("syntch-customerdetail-doc.json"), BodyFormat.JSON))
                .isInstanceOf(CustomerDetail.class);
        assertThat(translator.schema(SYNTCH).read(Fixtures.bytes("syntch-postcustomer-doc.json"), BodyFormat.JSON))
                .isInstanceOf(PostCustomer.class);
    }

    @Test
    void translates_a_simplepin_answer_to_canonical_with_its_status() throws Exception {
        Translation translation = translator.translate(SIMPLEPIN, CANONICAL, Fixtures.bytes("simplepin-response-doc.json"),
                BodyFormat.JSON);
        assertThat(((Customer) translation.body()).status()).hasToString("PENDING");
    }

    @Test
    void reports_a_violation_found_twice_once() {
        // an unknown SimplePin country is reported by the SimplePin reader; Syntch's "country required"
        // on the same field would only repeat it
        CCProfileApiV2Model unknownCountry = new CCProfileApiV2Model(null, "e@x.test", null, "C-1", "Acme", null, null,
                new org.customergateway.simplepin.AddressApiV2Model(null, "1", "X", 999, null, "1 A St", null), null, null);
        assertThat(translator.translate(SIMPLEPIN, SYNTCH, unknownCountry).violations())
                .filteredOn(v -> v.field().equals("main_address.country")).hasSize(1)
                .first().extracting(v -> v.message()).isEqualTo("unknown SimplePin country id 999");
    }
}
