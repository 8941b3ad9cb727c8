package org.customergateway.simplepin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.customergateway.simplepin.SimplePinGeography.Country;
import org.customergateway.simplepin.SimplePinGeography.Province;
import org.customergateway.support.Fixtures;
import org.customergateway.syntch.SyntchRegions;
import org.junit.jupiter.api.Test;

class SimplePinGeographyTest {

    private final SimplePinGeography snapshot = Fixtures.GEOGRAPHY;

    @Test
    void snapshot_country_ids_are_iso_numeric_codes() {
        assertThat(snapshot.countryByIso3("CAN").id()).isEqualTo(124);
        assertThat(snapshot.countryByIso3("USA").id()).isEqualTo(840);
        assertThat(snapshot.countryById(124).iso2()).isEqualTo("CA");
    }

    @Test
    void snapshot_province_ids_number_syntchs_list_in_its_order_from_one() {
        List<String> codes = SyntchRegions.codes();
        assertThat(codes).hasSize(64).startsWith("AK").endsWith("YT");
        for (int i = 0; i < codes.size(); i++) {
            Province province = snapshot.provinceById(i + 1);
            assertThat(province.code()).as("province id %d", i + 1).isEqualTo(codes.get(i));
            assertThat(province.countryId()).isEqualTo(SyntchRegions.countryOf(codes.get(i)).equals("USA") ? 840 : 124);
        }
        assertThat(snapshot.provinceById(1).code()).isEqualTo("AK");
        assertThat(snapshot.provinceById(51).code()).isEqualTo("WY");
        assertThat(snapshot.provinceById(52).code()).isEqualTo("AB");
        assertThat(snapshot.provinceById(65)).isNull();
    }

    @Test
    void finds_a_province_by_country_and_code_only_in_its_own_country() {
        assertThat(snapshot.province(124, "ON").id()).isEqualTo(60);
        assertThat(snapshot.province(840, "ON")).isNull();
    }

    @Test
    void refuses_a_duplicate_country_id() {
        assertThatThrownBy(() -> new SimplePinGeography(
                List.of(new Country(124, "CA", "CAN", "Canada"), new Country(124, "US", "USA", "United States")), List.of()))
                .hasMessageContaining("duplicate country id 124");
    }

    @Test
    void refuses_a_duplicate_province_id() {
        assertThatThrownBy(() -> new SimplePinGeography(List.of(new Country(124, "CA", "CAN", "Canada")),
                List.of(new Province(1, 124, "ON", "Ontario"), new Province(1, 124, "QC", "Quebec"))))
                .hasMessageContaining("duplicate province id 1");
    }

    @Test
    void refuses_a_code_the_jdk_iso_tables_do_not_know() {
        assertThatThrownBy(() -> new SimplePinGeography(List.of(new Country(999, "XQ", "XQQ", "Nowhere")), List.of()))
                .hasMessageContaining("XQ/XQQ");
    }

    @Test
    void refuses_mismatched_alpha2_and_alpha3() {
        assertThatThrownBy(() -> new SimplePinGeography(List.of(new Country(124, "CA", "USA", "Canada")), List.of()))
                .hasMessageContaining("CA/USA");
    }

    @Test
    void refuses_a_province_of_an_unknown_country() {
        assertThatThrownBy(() -> new SimplePinGeography(List.of(new Country(124, "CA", "CAN", "Canada")),
                List.of(new Province(1, 840, "NY", "New York"))))
                .hasMessageContaining("unknown country id 840");
    }

    @Test
    void refuses_a_duplicate_alpha3_country() {
        assertThatThrownBy(() -> new SimplePinGeography(
                List.of(new Country(124, "CA", "CAN", "Canada"), new Country(125, "CA", "CAN", "Canada again")), List.of()))
                .hasMessageContaining("duplicate country CAN");
    }

    @Test
    void refuses_a_duplicate_province_code_in_one_country_but_takes_one_code_in_two_countries() {
        assertThatThrownBy(() -> new SimplePinGeography(List.of(new Country(124, "CA", "CAN", "Canada")),
                List.of(new Province(1, 124, "ON", "Ontario"), new Province(2, 124, "ON", "Ontario again"))))
                .hasMessageContaining("duplicate province ON of country 124");
        SimplePinGeography shared = new SimplePinGeography(
                List.of(new Country(124, "CA", "CAN", "Canada"), new Country(840, "US", "USA", "United States")),
                List.of(new Province(1, 124, "XX", "In Canada"), new Province(2, 840, "XX", "In the USA")));
        assertThat(shared.province(124, "XX").id()).isEqualTo(1);
        assertThat(shared.province(840, "XX").id()).isEqualTo(2);
    }

    @Test
    void looks_up_by_id_and_alpha3_and_finds_nothing_for_nothing() {
        assertThat(snapshot.countryById(124).iso3()).isEqualTo("CAN");
        assertThat(snapshot.countryById(null)).isNull();
        assertThat(snapshot.countryById(4)).as("Afghanistan is not in SimplePin's tables").isNull();
        assertThat(snapshot.countryByIso3("USA").id()).isEqualTo(840);
        assertThat(snapshot.countryByIso3(null)).isNull();
        assertThat(snapshot.provinceById(60).code()).isEqualTo("ON");
        assertThat(snapshot.provinceById(null)).isNull();
        assertThat(snapshot.provinceById(999)).isNull();
    }
}
