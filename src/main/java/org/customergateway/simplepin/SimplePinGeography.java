package org.customergateway.simplepin;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.customergateway.canonical.IsoCountries;
import org.customergateway.mapping.MappingsCsv;

/**
 * SimplePin's numeric country and province ids, as a typed table. Built from the snapshot in
 * {@code mappings/} or from SimplePin's own look-up endpoints; either way it refuses a duplicate id
 * or a code the JDK's ISO tables do not know, so a bad table stops the start instead of a customer.
 */
public final class SimplePinGeography {

    public record Country(int id, String iso2, String iso3, String name) {
    }

    public record Province(int id, int countryId, String code, String name) {
    }

    public static final String COUNTRIES_FILE = "simplepin-countries.csv";
    public static final String PROVINCES_FILE = "simplepin-provinces.csv";

    private final List<Country> countries;
    private final List<Province> provinces;
    private final Map<Integer, Country> countriesById = new HashMap<>();
    private final Map<String, Country> countriesByIso3 = new HashMap<>();
    private final Map<Integer, Province> provincesById = new HashMap<>();
    private final Map<String, Province> provincesByCountryAndCode = new HashMap<>();

    public SimplePinGeography(List<Country> countries, List<Province> provinces) {
        this.countries = List.copyOf(countries);
        this.provinces = List.copyOf(provinces);
        for (Country country : countries) {
            if (!country.iso3().equals(IsoCountries.toAlpha3(country.iso2()))) {
                throw new IllegalStateException("country " + country.id() + ": " + country.iso2() + "/" + country.iso3()
                        + " is not an ISO 3166-1 alpha-2/alpha-3 pair");
            }
            requireNew(countriesById.put(country.id(), country), "country id " + country.id());
            requireNew(countriesByIso3.put(country.iso3(), country), "country " + country.iso3());
        }
        for (Province province : provinces) {
            if (!countriesById.containsKey(province.countryId())) {
                throw new IllegalStateException("province " + province.id() + " names unknown country id " + province.countryId());
            }
            requireNew(provincesById.put(province.id(), province), "province id " + province.id());
            requireNew(provincesByCountryAndCode.put(key(province.countryId(), province.code()), province),
                    "province " + province.code() + " of country " + province.countryId());
        }
    }

    /** Loads the snapshot tables shipped in the mappings folder. */
    public static SimplePinGeography fromSnapshot(Path mappingsDir) {
        List<Country> countries = MappingsCsv.read(mappingsDir.resolve(COUNTRIES_FILE), "id,iso2,iso3,name").stream()
                .map(row -> new Country(Integer.parseInt(row[0]), row[1], row[2], row[3]))
                .toList();
        List<Province> provinces = MappingsCsv.read(mappingsDir.resolve(PROVINCES_FILE), "id,country_id,code,name").stream()
                .map(row -> new Province(Integer.parseInt(row[0]), Integer.parseInt(row[1]), row[2], row[3]))
                .toList();
        return new SimplePinGeography(countries, provinces);
    }

    public List<Country> countries() {
        return countries;
    }

    public List<Province> provinces() {
        return provinces;
    }

    public Country countryById(Integer id) {
        return id == null ? null : countriesById.get(id);
    }

    public Country countryByIso3(String iso3) {
        return iso3 == null ? null : countriesByIso3.get(iso3);
    }

    public Province provinceById(Integer id) {
        return id == null ? null : provincesById.get(id);
    }

    public Province province(int countryId, String code) {
        return provincesByCountryAndCode.get(key(countryId, code));
    }

    private static String key(int countryId, String code) {
        return countryId + ":" + code;
    }

    private static void requireNew(Object previous, String what) {
        if (previous != null) {
            throw new IllegalStateException("duplicate " + what + " in the SimplePin country and province tables");
        }
    }
}
