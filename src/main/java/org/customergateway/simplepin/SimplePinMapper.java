package org.customergateway.simplepin;

import java.util.List;
import java.util.function.Supplier;
import org.customergateway.canonical.Address;
import org.customergateway.canonical.Contact;
import org.customergateway.canonical.Contract;
import org.customergateway.canonical.Customer;
import org.customergateway.mapping.Mapped;
import org.customergateway.mapping.MappingLog;
import org.customergateway.simplepin.SimplePinGeography.Country;
import org.customergateway.simplepin.SimplePinGeography.Province;

/**
 * SimplePin's profile to and from the canonical customer. Pure: no Camel, no I/O; the country and
 * province ids come from the {@link SimplePinGeography} it is given. Only the differences are
 * written down; what SimplePin has no place for is dropped with a warning.
 */
public final class SimplePinMapper {

    private final Supplier<SimplePinGeography> tables;

    public SimplePinMapper(SimplePinGeography geography) {
        this(() -> geography);
    }

    /** @param tables the tables in use at each call (they may be refreshed from SimplePin meanwhile) */
    public SimplePinMapper(Supplier<SimplePinGeography> tables) {
        this.tables = tables;
    }

    public Mapped<Customer> toCanonical(CCProfileApiV2Model profile, String locale) {
        MappingLog log = new MappingLog("canonical");
        log.dropped("delete_billing_address_ids", profile.deleteBillingAddressIds());
        Customer customer = new Customer(profile.customerId(), profile.customerName(), null, profile.customerSince(),
                locale, null, contact(profile.contractEmail(), profile.phoneNumber(), profile.mobileNumber()),
                address(profile.mainAddress(), "main_address", log),
                selectedBilling(profile.billingAddresses(), "billing_addresses", log),
                contracts(profile.contracts()));
        return log.result(customer);
    }

    public Mapped<Customer> toCanonical(CCProfileV2Model profile) {
        MappingLog log = new MappingLog("canonical");
        Customer customer = new Customer(profile.customerId(), profile.customerName(),
                profile.status() == null ? null : profile.status().toCanonical(), profile.customerSince(),
                null, null, contact(profile.contractEmail(), profile.phoneNumber(), profile.mobileNumber()),
                address(profile.mainAddress(), "main_address", log),
                selectedBilling(profile.billingAddressModels(), "billing_address_models", log),
                contracts(profile.contracts()));
        return log.result(customer);
    }

    /** The create request; the customer's locale travels beside it as the {@code locale} query parameter. */
    public Mapped<CCProfileApiV2Model> toRequest(Customer customer) {
        MappingLog log = new MappingLog("SimplePin");
        dropUnmapped(customer, log);
        Contact contact = customer.contact();
        CCProfileApiV2Model request = new CCProfileApiV2Model(
                billing(customer.billingAddress(), log),
                contact == null ? null : contact.email(),
                profileContracts(customer.contracts()),
                customer.customerId(), customer.name(), customer.since(), null,
                address(customer.shippingAddress(), null, "shippingAddress", log),
                contact == null ? null : contact.mobile(),
                contact == null ? null : contact.phone());
        return log.result(request);
    }

    /** The answer SimplePin would give for this customer once stored under {@code id}. */
    public Mapped<CCProfileV2Model> toProfile(Customer customer, Long id) {
        MappingLog log = new MappingLog("SimplePin");
        log.dropped("merchantKey", customer.merchantKey());
        dropContactExtras(customer.contact(), log);
        Contact contact = customer.contact();
        CCProfileV2Model profile = new CCProfileV2Model(null,
                billing(customer.billingAddress(), log),
                contact == null ? null : contact.email(),
                profileContracts(customer.contracts()),
                customer.customerId(), customer.name(), customer.since(), id,
                address(customer.shippingAddress(), null, "shippingAddress", log),
                contact == null ? null : contact.mobile(),
                contact == null ? null : contact.phone(),
                SimplePinStatus.fromCanonical(customer.status()), null);
        return log.result(profile);
    }

    private static void dropUnmapped(Customer customer, MappingLog log) {
        log.dropped("status", customer.status());
        log.dropped("merchantKey", customer.merchantKey());
        dropContactExtras(customer.contact(), log);
    }

    private static void dropContactExtras(Contact contact, MappingLog log) {
        if (contact != null) {
            log.dropped("contact.firstName", contact.firstName());
            log.dropped("contact.lastName", contact.lastName());
            log.dropped("contact.jobTitle", contact.jobTitle());
            log.dropped("contact.department", contact.department());
            log.dropped("contact.eveningPhone", contact.eveningPhone());
            log.dropped("contact.fax", contact.fax());
        }
    }

    private static Contact contact(String email, String phone, String mobile) {
        if (email == null && phone == null && mobile == null) {
            return null;
        }
        return new Contact(null, null, null, null, email, phone, null, mobile, null);
    }

    /** The billing address with {@code selected} true, else the first; the others are dropped. */
    private Address selectedBilling(List<AddressApiV2Model> addresses, String listName, MappingLog log) {
        if (addresses == null || addresses.isEmpty()) {
            return null;
        }
        int chosen = 0;
        for (int i = 0; i < addresses.size(); i++) {
            if (Boolean.TRUE.equals(addresses.get(i).selected())) {
                chosen = i;
                break;
            }
        }
        for (int i = 0; i < addresses.size(); i++) {
            if (i != chosen) {
                log.warning(listName + "[" + i + "]", "only the selected billing address is kept, dropped");
            }
        }
        String path = listName + "[" + chosen + "]";
        if (!path.equals("billing_addresses[0]")) {
            log.sourcePath("billing_addresses[0]", path);
        }
        return address(addresses.get(chosen), path, log);
    }

    private Address address(AddressApiV2Model address, String path, MappingLog log) {
        if (address == null) {
            return null;
        }
        SimplePinGeography geography = tables.get();
        Country country = null;
        if (address.country() != null) {
            country = geography.countryById(address.country());
            if (country == null) {
                log.violation(path + ".country", "unknown SimplePin country id " + address.country());
            }
        }
        String region = null;
        if (address.province() != null) {
            Province province = geography.provinceById(address.province());
            if (province == null) {
                log.violation(path + ".province", "unknown SimplePin province id " + address.province());
            } else if (country != null && province.countryId() != country.id()) {
                log.violation(path + ".province", "province " + province.id() + " (" + province.code()
                        + ") is not in country " + country.id() + " (" + country.iso3() + ")");
            } else {
                region = province.code();
                if (country == null && address.country() == null) {
                    country = geography.countryById(province.countryId());
                }
            }
        }
        return new Address(SimplePinAddressLines.split(address.address()), address.city(), region, address.zip(),
                country == null ? null : country.iso3());
    }

    private List<AddressApiV2Model> billing(Address billing, MappingLog log) {
        return billing == null ? null : List.of(address(billing, Boolean.TRUE, "billingAddress", log));
    }

    private AddressApiV2Model address(Address address, Boolean selected, String path, MappingLog log) {
        if (address == null) {
            return null;
        }
        SimplePinGeography geography = tables.get();
        Country country = null;
        if (address.country() != null) {
            country = geography.countryByIso3(address.country());
            if (country == null) {
                log.violation(path + ".country", "SimplePin's country table has no " + address.country());
            }
        }
        Integer provinceId = null;
        if (address.region() != null && !address.region().isBlank()) {
            if (country != null) {
                Province province = geography.province(country.id(), address.region());
                if (province == null) {
                    log.violation(path + ".region", "'" + address.region() + "' is not a province of "
                            + country.iso3() + " in SimplePin's tables");
                } else {
                    provinceId = province.id();
                }
            } else if (address.country() == null) {
                log.violation(path + ".region", "a region needs a country");
            }
        }
        return new AddressApiV2Model(null, address.postalCode(), address.city(), country == null ? null : country.id(),
                provinceId, SimplePinAddressLines.join(address.lines()), selected);
    }

    private static List<Contract> contracts(List<CcContractV2Model> contracts) {
        return contracts == null ? null : contracts.stream().map(c -> new Contract(c.id(), c.name())).toList();
    }

    private static List<CcContractV2Model> profileContracts(List<Contract> contracts) {
        return contracts == null ? null : contracts.stream().map(c -> new CcContractV2Model(c.id(), c.name())).toList();
    }
}
