package org.customergateway.syntch;

import java.util.ArrayList;
import java.util.List;
import org.customergateway.canonical.Address;
import org.customergateway.canonical.Contact;
import org.customergateway.canonical.Customer;
import org.customergateway.mapping.Mapped;
import org.customergateway.mapping.MappingLog;

/**
 * Syntch's PostCustomer and CustomerDetail to and from the canonical customer. Pure: no Camel, no I/O.
 * Lengths are not checked here: the limits sit on the Syntch models and are validated there.
 */
public final class SyntchMapper {

    private static final int STREET_LINES = 3;

    private final SyntchSettings settings;

    public SyntchMapper(SyntchSettings settings) {
        this.settings = settings;
    }

    public Mapped<Customer> toCanonical(PostCustomer customer) {
        MappingLog log = new MappingLog("canonical");
        Customer canonical = new Customer(customer.customerId(), customer.customerName(),
                customer.activationStatus() == null ? null : customer.activationStatus().toCanonical(), null, null,
                customer.merchantKey(), contact(customer.defaultContact(), log),
                address(customer.shippingAddress()), address(customer.billingAddress()), null);
        return log.result(canonical);
    }

    public Mapped<Customer> toCanonical(CustomerDetail detail) {
        MappingLog log = new MappingLog("canonical");
        Customer canonical = new Customer(detail.customerId(), detail.customerName(),
                detail.activationStatus() == null ? null : detail.activationStatus().toCanonical(),
                DotNetTimestamp.read(detail.creationTimestamp()), null, detail.merchantKey(),
                contact(detail.defaultContact(), log),
                address(detail.shippingAddress()), address(detail.billingAddress()), null);
        return log.result(canonical);
    }

    public Mapped<PostCustomer> toRequest(Customer customer) {
        MappingLog log = new MappingLog("Syntch");
        log.dropped("since", customer.since());
        log.dropped("locale", customer.locale());
        log.dropped("contracts", customer.contracts());
        ActivationStatus status = customer.status() == null
                ? settings.defaultActivationStatus()
                : ActivationStatus.fromCanonical(customer.status());
        PostCustomer request = new PostCustomer(customer.name(), customer.customerId(), merchantKey(customer),
                contact(customer.contact()),
                address(customer.shippingAddress(), "shippingAddress", log),
                address(customer.billingAddress(), "billingAddress", log),
                status);
        return log.result(request);
    }

    /** The answer Syntch would give for this customer once stored under {@code customerKey}. */
    public Mapped<CustomerDetail> toDetail(Customer customer, Long customerKey) {
        MappingLog log = new MappingLog("Syntch");
        log.dropped("locale", customer.locale());
        log.dropped("contracts", customer.contracts());
        String created = DotNetTimestamp.write(customer.since());
        CustomerDetail detail = new CustomerDetail(customerKey, customer.customerId(), customer.name(),
                ActivationStatus.fromCanonical(customer.status()), merchantKey(customer), created, created,
                contact(customer.contact()),
                address(customer.billingAddress(), "billingAddress", log),
                address(customer.shippingAddress(), "shippingAddress", log));
        return log.result(detail);
    }

    private Integer merchantKey(Customer customer) {
        return customer.merchantKey() != null ? customer.merchantKey() : settings.merchantKey();
    }

    private static Contact contact(SyntchContact contact, MappingLog log) {
        if (contact == null) {
            return null;
        }
        log.dropped("DefaultContact.BillingAddress", contact.billingAddress());
        log.dropped("DefaultContact.ShippingAddress", contact.shippingAddress());
        return new Contact(contact.firstName(), contact.lastName(), contact.jobTitle(), contact.departmentName(),
                contact.emailAddress(), contact.daytimeTelephoneNumber(), contact.nighttimeTelephoneNumber(),
                contact.mobileTelephoneNumber(), contact.faxNumber());
    }

    private static SyntchContact contact(Contact contact) {
        if (contact == null) {
            return null;
        }
        return new SyntchContact(contact.lastName(), contact.firstName(), contact.jobTitle(), contact.department(),
                contact.email(), contact.phone(), contact.eveningPhone(), contact.fax(), contact.mobile(), null, null);
    }

    private static Address address(SyntchAddress address) {
        if (address == null) {
            return null;
        }
        List<String> lines = new ArrayList<>(STREET_LINES);
        addIfPresent(lines, address.streetAddress1());
        addIfPresent(lines, address.streetAddress2());
        addIfPresent(lines, address.streetAddress3());
        return new Address(lines, address.city(), address.stateOrProvinceCode(), address.postalCode(),
                address.countryCode());
    }

    private static SyntchAddress address(Address address, String path, MappingLog log) {
        if (address == null) {
            return null;
        }
        List<String> lines = new ArrayList<>(STREET_LINES);
        if (address.lines() != null) {
            address.lines().forEach(line -> addIfPresent(lines, line));
        }
        if (lines.size() > STREET_LINES) {
            log.violation(path + ".lines", "has " + lines.size() + " lines; Syntch takes at most " + STREET_LINES);
        }
        return new SyntchAddress(line(lines, 0), line(lines, 1), line(lines, 2), address.city(), address.region(),
                address.postalCode(), address.country());
    }

    private static void addIfPresent(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }

    private static String line(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index) : null;
    }
}
