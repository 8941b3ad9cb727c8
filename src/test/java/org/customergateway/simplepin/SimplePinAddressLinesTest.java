package org.customergateway.simplepin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplePinAddressLinesTest {

    @Test
    void joins_the_non_empty_lines_with_comma_space() {
        assertThat(SimplePinAddressLines.join(Arrays.asList("12 Main Street", "", null, " Suite 4 ")))
                .isEqualTo("12 Main Street, Suite 4");
    }

    @Test
    void joins_no_lines_to_nothing() {
        assertThat(SimplePinAddressLines.join(List.of())).isNull();
        assertThat(SimplePinAddressLines.join(null)).isNull();
    }

    @Test
    void packs_short_parts_greedily_into_one_line() {
        assertThat(SimplePinAddressLines.split("12 Main Street, Suite 4"))
                .containsExactly("12 Main Street, Suite 4");
    }

    @Test
    void starts_a_new_line_when_the_next_part_would_pass_50_characters() {
        String first = "Unit 1200, Building Seven of the North Campus"; // 45 characters with its inner ", "
        List<String> lines = SimplePinAddressLines.split(first + ", 12 Main Street");
        assertThat(lines).containsExactly(first, "12 Main Street");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
    }

    @Test
    void a_line_of_exactly_50_characters_stays_whole() {
        String fifty = "a".repeat(23) + ", " + "b".repeat(25);
        assertThat(fifty).hasSize(50);
        assertThat(SimplePinAddressLines.split(fifty)).containsExactly(fifty);
    }

    @Test
    void wraps_a_part_longer_than_50_characters_at_spaces() {
        String part = "The Very Long Named Industrial Estate Of Greater Northern Toronto";
        List<String> lines = SimplePinAddressLines.split(part + ", Unit 4");
        assertThat(lines).containsExactly("The Very Long Named Industrial Estate Of Greater", "Northern Toronto", "Unit 4");
    }

    @Test
    void keeps_a_single_word_longer_than_50_whole_rather_than_cutting_it() {
        String word = "x".repeat(60);
        assertThat(SimplePinAddressLines.split(word)).containsExactly(word);
    }

    @Test
    void an_address_goes_out_and_back_unchanged_when_no_part_exceeds_50() {
        for (String address : List.of("12 Main Street, Suite 4",
                "Unit 1200, Building Seven of the North Campus, 12 Main Street, Toronto",
                "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20")) {
            assertThat(SimplePinAddressLines.join(SimplePinAddressLines.split(address))).isEqualTo(address);
        }
    }

    @Test
    void splits_nothing_to_no_lines() {
        assertThat(SimplePinAddressLines.split(null)).isEmpty();
        assertThat(SimplePinAddressLines.split("  ")).isEmpty();
    }
}
