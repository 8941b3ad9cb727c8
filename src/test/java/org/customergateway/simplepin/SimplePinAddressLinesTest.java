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

    @Test
    void two_parts_that_fill_exactly_50_with_their_separator_share_a_line_and_one_more_character_splits_them() {
        String a = "a".repeat(24);
        String b = "b".repeat(24);
        assertThat(SimplePinAddressLines.split(a + ", " + b)).containsExactly(a + ", " + b);
        assertThat(SimplePinAddressLines.split(a + "a, " + b)).containsExactly(a + "a", b);
    }

    @Test
    void every_packed_line_is_at_most_50_characters_and_the_parts_keep_their_order() {
        String address = "Building 7, Floor 12, Suite 1204, Attention Accounts Payable, Harbour Front Centre, 200 Queens Quay West";
        List<String> lines = SimplePinAddressLines.split(address);
        assertThat(lines).allMatch(line -> line.length() <= 50);
        assertThat(String.join(", ", lines)).isEqualTo(address);
        assertThat(lines).containsExactly("Building 7, Floor 12, Suite 1204",
                "Attention Accounts Payable, Harbour Front Centre", "200 Queens Quay West");
    }

    @Test
    void a_wrapped_long_part_comes_after_the_line_before_it_and_before_the_parts_after_it() {
        String longPart = "The Very Long Name Of An Industrial Estate Somewhere Far Away";
        List<String> lines = SimplePinAddressLines.split("Unit 1, " + longPart + ", Springfield");
        assertThat(lines).containsExactly("Unit 1", "The Very Long Name Of An Industrial Estate", "Somewhere Far Away",
                "Springfield");
        assertThat(lines).allMatch(line -> line.length() <= 50);
    }

    @Test
    void wrapping_fills_a_line_to_exactly_50_and_not_one_more() {
        String fifty = "a".repeat(20) + " " + "b".repeat(29);
        assertThat(fifty).hasSize(50);
        assertThat(SimplePinAddressLines.split(fifty + " c")).containsExactly(fifty, "c");
        String fiftyOne = "a".repeat(20) + " " + "b".repeat(30);
        assertThat(SimplePinAddressLines.split(fiftyOne + " c")).containsExactly("a".repeat(20), "b".repeat(30) + " c");
    }

    @Test
    void empty_parts_between_separators_are_skipped() {
        assertThat(SimplePinAddressLines.split("1 A St, , Suite 2")).containsExactly("1 A St, Suite 2");
    }
}
