package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.api.Test;

class CompactJsonTest {

    @Test
    void a_document_comes_back_unchanged_and_much_smaller() throws Exception {
        String customer = Fixtures.CODECS.json().readTree(Fixtures.bytes("canonical-customer.json")).toString();
        String packed = CompactJson.pack(customer.getBytes(StandardCharsets.UTF_8));
        assertThat(CompactJson.unpack(packed)).isEqualTo(customer);
        assertThat(packed.length()).isLessThan(customer.length() * 6 / 10);
        String result = Fixtures.text("ledger-result.json");
        assertThat(CompactJson.unpack(CompactJson.pack(result.getBytes(StandardCharsets.UTF_8)))).isEqualTo(result);
    }

    @Test
    void text_and_characters_beyond_ascii_survive() {
        String odd = "{\"name\":\"Zoë Café \uD83D\uDE80 " + "x".repeat(5000) + "\"}";
        assertThat(CompactJson.unpack(CompactJson.pack(odd.getBytes(StandardCharsets.UTF_8)))).isEqualTo(odd);
    }

    @Test
    void a_value_stored_before_deflated_still_reads() {
        // written by the deflate packing of sessions 5 to 7
        assertThat(CompactJson.unpack("z:q0ZNmc66/j4uiAImKv/wagXnxLTDK5VqAQ"))
                .isEqualTo("{\"customerId\":\"C-OLD\",\"name\":\"Zoë Café\"}");
    }

    @Test
    void a_damaged_value_is_an_error_not_a_wrong_document() {
        String packed = CompactJson.pack("{\"customerId\":\"C-1\"}".getBytes(StandardCharsets.UTF_8));
        String cut = packed.substring(0, packed.length() - 4);
        assertThatThrownBy(() -> CompactJson.unpack(cut)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CompactJson.unpack(packed + "=")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_value_stored_before_as_plain_json_still_reads() {
        assertThat(CompactJson.unpack("{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(CompactJson.unpack(null)).isNull();
    }
}
