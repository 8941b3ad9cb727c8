package org.customergateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.customergateway.canonical.Customer;
import org.customergateway.simplepin.AddressApiV2Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/http-api.md, where it lives: the inbound mappers read numbers and text as written, or refuse them. */
class StrictScalarsTest {

    private final Codecs codecs = new Codecs();

    @ParameterizedTest
    @ValueSource(strings = {"4711.5", "4711.0", "-0", "1e3", "99999999999", "\"4711\"", "true", "[1]"})
    void a_json_whole_number_field_takes_only_a_whole_number_as_written(String value) {
        assertThatThrownBy(() -> codecs.json().readValue("{\"merchantKey\": " + value + "}", Customer.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("merchantKey");
    }

    @Test
    void a_json_whole_number_is_read_as_it_is() throws Exception {
        assertThat(codecs.json().readValue("{\"merchantKey\": -12}", Customer.class).merchantKey()).isEqualTo(-12);
        assertThat(codecs.json().readValue("{\"merchantKey\": 0}", Customer.class).merchantKey()).isZero();
        assertThat(codecs.json().readValue("{\"merchantKey\": null}", Customer.class).merchantKey()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"840.0", "-0", "0840", "8 40", "x", "99999999999"})
    void an_xml_whole_number_field_takes_only_a_whole_number_as_written(String value) {
        assertThatThrownBy(() -> codecs.xml().readValue("<main_address><country>" + value + "</country></main_address>",
                AddressApiV2Model.class)).isInstanceOf(JsonProcessingException.class).hasMessageContaining(value.trim());
    }

    @Test
    void an_xml_whole_number_may_be_padded_and_an_empty_one_is_absent() throws Exception {
        assertThat(codecs.xml().readValue("<a><country> 840 </country></a>", AddressApiV2Model.class).country()).isEqualTo(840);
        assertThat(codecs.xml().readValue("<a><id>9000000000</id></a>", AddressApiV2Model.class).id()).isEqualTo(9_000_000_000L);
        assertThat(codecs.xml().readValue("<a><country></country></a>", AddressApiV2Model.class).country()).isNull();
    }

    @Test
    void a_long_field_is_as_strict() {
        assertThatThrownBy(() -> codecs.json().readValue("{\"id\": 1.5}", AddressApiV2Model.class))
                .hasMessageContaining("'1.5' is not a whole number");
        assertThatThrownBy(() -> codecs.json().readValue("{\"id\": 99999999999999999999}", AddressApiV2Model.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void a_text_field_takes_text_only() {
        assertThatThrownBy(() -> codecs.json().readValue("{\"name\": 12}", Customer.class)).hasMessageContaining("name");
        assertThatThrownBy(() -> codecs.json().readValue("{\"name\": {\"a\": 1}}", Customer.class)).hasMessageContaining("name");
        assertThatThrownBy(() -> codecs.json().readValue("{\"name\": \"a\\u0007b\"}", Customer.class))
                .hasMessageContaining("control character U+0007 at position 2");
    }

    @Test
    void the_lenient_mapper_reads_a_vendors_answer_as_it_is() throws Exception {
        assertThat(codecs.lenient(BodyFormat.JSON).readValue("{\"name\": \"a\\nb\", \"merchantKey\": 7}", Customer.class).name())
                .isEqualTo("a\nb");
    }
}
