package org.customergateway.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void plain_text_and_paired_surrogates_pass() {
        assertThat(TextRules.problemIn("Zoë Café \uD83D\uDE80")).isNull();
        assertThat(TextRules.problemIn(null)).isNull();
    }

    @Test
    void names_the_control_character_and_its_position() {
        assertThat(TextRules.problemIn("ab\r\nc")).isEqualTo("control character U+000D at position 3 is not allowed in text");
        assertThat(TextRules.problemIn("\u0000")).contains("U+0000");
        assertThat(TextRules.problemIn("a\u007f")).contains("U+007F");
        assertThat(TextRules.problemIn("a\u0085")).contains("U+0085");
    }

    @Test
    void names_an_unpaired_surrogate() {
        assertThat(TextRules.problemIn("a\uD800")).isEqualTo("unpaired surrogate U+D800 at position 2 is not a character");
        assertThat(TextRules.problemIn("\uDC00a")).contains("U+DC00");
        assertThat(TextRules.problemIn("\uD800\uD800\uDC00")).contains("U+D800 at position 1");
    }

    @Test
    void loggable_escapes_every_control_character_and_line_separator() {
        assertThat(TextRules.loggable("id\r\n12:00 INFO forged\tline\u001b[31m\u2028x"))
                .isEqualTo("id\\r\\n12:00 INFO forged\\tline\\u001b[31m\\u2028x");
        assertThat(TextRules.loggable("plain")).isSameAs("plain");
        assertThat(TextRules.loggable(null)).isNull();
    }
}
