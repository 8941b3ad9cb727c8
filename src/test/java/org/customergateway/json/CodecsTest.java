package org.customergateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.customergateway.canonical.Customer;
import org.customergateway.simplepin.AddressApiV2Model;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.simplepin.CCProfileV2Model;
import org.customergateway.simplepin.CcContractV2Model;
import org.customergateway.simplepin.SimplePinStatus;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.api.Test;

/** SimplePin's XML quirks, the strictness of inbound JSON, and the read limits of both formats. */
class CodecsTest {

    private final Codecs codecs = Fixtures.CODECS;

    @Test
    void reads_the_vendor_documents_xml_request_with_its_wrappers_and_one_zero_booleans() {
        CCProfileApiV2Model request = Fixtures.xml("simplepin-request-doc.xml", CCProfileApiV2Model.class);
        assertThat(request.billingAddresses()).hasSize(2);
        assertThat(request.billingAddresses().get(0).selected()).isTrue();
        assertThat(request.contracts()).hasSize(2).first().isEqualTo(new CcContractV2Model(0, "string"));
        assertThat(request.customerSince()).isEqualTo(OffsetDateTime.parse("2024-03-01T09:30:00Z"));
    }

    @Test
    void reads_an_empty_element_as_absent() {
        CCProfileApiV2Model request = Fixtures.xml("simplepin-request-doc.xml", CCProfileApiV2Model.class);
        assertThat(request.mainAddress()).isNull();
        assertThat(request.deleteBillingAddressIds()).isNull();
    }

    @Test
    void reads_the_vendor_documents_xml_answer() {
        CCProfileV2Model answer = Fixtures.xml("simplepin-response-doc.xml", CCProfileV2Model.class);
        assertThat(answer.billingAddressModels()).hasSize(2);
        assertThat(answer.status()).isEqualTo(SimplePinStatus.REQUIRES_ACTIVATION);
        assertThat(answer.mainAddress()).isNull();
        assertThat(answer.version()).isZero();
    }

    @Test
    void writes_xml_with_simplepins_root_item_names_and_one_zero_booleans() throws Exception {
        CCProfileApiV2Model request = new CCProfileApiV2Model(
                List.of(new AddressApiV2Model(null, "M5V", "Toronto", 124, 60, "12 Main Street", true),
                        new AddressApiV2Model(null, "K1A", "Ottawa", 124, 60, "1 Wellington", false)),
                null, List.of(new CcContractV2Model(7, "Gold")), "C-1", "Acme",
                OffsetDateTime.parse("2024-03-01T09:30:00Z"), null, null, null, null);
        String xml = codecs.writer(BodyFormat.XML).writeValueAsString(request);

        assertThat(xml).startsWith("<add_update_cc_profile_model>")
                .contains("<billing_addresses><billing_address><zip>M5V</zip>")
                .contains("<selected>1</selected>").contains("<selected>0</selected>")
                .contains("<contracts><contract><id>7</id><name>Gold</name></contract></contracts>")
                .contains("<customer_since>2024-03-01T09:30:00.000Z</customer_since>");
        assertThat(codecs.xml().readValue(xml, CCProfileApiV2Model.class)).isEqualTo(request);
    }

    @Test
    void writes_the_xml_answer_under_cc_profile_model() throws Exception {
        CCProfileV2Model answer = new CCProfileV2Model(null, List.of(new AddressApiV2Model(null, "1", null, null, null, null, true)),
                null, null, "C-1", null, null, 9L, null, null, null, SimplePinStatus.ACTIVE, 1);
        assertThat(codecs.writer(BodyFormat.XML).writeValueAsString(answer)).startsWith("<cc_profile_model>")
                .contains("<billing_address_models><billing_address_model>");
    }

    @Test
    void writes_json_booleans_as_json_booleans() throws Exception {
        String json = codecs.writer(BodyFormat.JSON).writeValueAsString(new AddressApiV2Model(null, null, null, null, null, null, true));
        assertThat(json).isEqualTo("{\"selected\":true}");
    }

    @Test
    void writes_simplepin_dates_with_milliseconds_and_offset() throws Exception {
        CCProfileApiV2Model request = new CCProfileApiV2Model(null, null, null, "C-1", null,
                OffsetDateTime.parse("2024-03-01T11:30:00+02:00"), null, null, null, null);
        assertThat(codecs.json().writeValueAsString(request)).contains("\"customer_since\":\"2024-03-01T11:30:00.000+02:00\"");
    }

    @Test
    void reads_canonical_xml_with_the_same_names_as_json() {
        Customer fromXml = Fixtures.xml("canonical-customer.xml", Customer.class);
        Customer fromJson = Fixtures.json("canonical-customer.json", Customer.class);
        assertThat(fromXml).isEqualTo(fromJson);
    }

    @Test
    void keeps_the_offset_a_date_was_given_with() throws Exception {
        Customer customer = codecs.json().readValue("{\"since\":\"2024-03-01T11:30:00+02:00\"}", Customer.class);
        assertThat(customer.since().getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void refuses_an_unknown_property() {
        assertThatThrownBy(() -> codecs.json().readValue("{\"customerId\":\"C\",\"nickname\":\"x\"}", Customer.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("nickname");
        assertThatThrownBy(() -> codecs.xml().readValue("<customer><nickname>x</nickname></customer>", Customer.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void refuses_a_number_where_text_belongs_and_text_where_a_number_belongs() {
        assertThatThrownBy(() -> codecs.json().readValue("{\"name\":5}", Customer.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> codecs.json().readValue("{\"merchantKey\":\"abc\"}", Customer.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void refuses_trailing_content_after_the_document() {
        assertThatThrownBy(() -> codecs.json().readValue("{\"name\":\"a\"} {}", Customer.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void refuses_json_nested_deeper_than_the_limit() {
        String deep = "[".repeat(Codecs.MAX_NESTING_DEPTH + 1) + "]".repeat(Codecs.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> codecs.json().readValue(deep, JsonNode.class))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void refuses_xml_nested_deeper_than_the_limit() {
        String deep = "<a>".repeat(Codecs.MAX_NESTING_DEPTH + 2) + "</a>".repeat(Codecs.MAX_NESTING_DEPTH + 2);
        assertThatThrownBy(() -> codecs.xml().readValue(deep, JsonNode.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void refuses_a_string_longer_than_the_limit_in_either_format() {
        // Jackson checks the length as its buffer grows, so a string just over the limit may pass; twice never does
        String huge = "x".repeat(Codecs.MAX_STRING_LENGTH * 2);
        assertThatThrownBy(() -> codecs.json().readValue("{\"name\":\"" + huge + "\"}", Customer.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> codecs.xml().readValue("<customer><name>" + huge + "</name></customer>", Customer.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void never_resolves_an_external_entity() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                + "<customer><name>&xxe;</name></customer>";
        assertThatThrownBy(() -> codecs.xml().readValue(xxe.getBytes(StandardCharsets.UTF_8), Customer.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Undeclared general entity");
    }

    @Test
    void never_expands_nested_entities() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<customer><name>&b;</name></customer>";
        assertThatThrownBy(() -> codecs.xml().readValue(laughs, Customer.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Undeclared general entity");
    }
}
