package org.customergateway.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import org.customergateway.json.XmlItemName;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.List;
import org.customergateway.json.MillisOffsetDateTimeSerializer;

/**
 * The gateway's own customer: the one schema every vendor form is mapped through. It knows
 * nothing of SimplePin or Syntch; their mappers depend on it, never the other way round.
 */
@JacksonXmlRootElement(localName = "customer")
@JsonPropertyOrder({"customerId", "name", "status", "since", "locale", "merchantKey", "contact",
        "shippingAddress", "billingAddress", "contracts"})
public record Customer(
        String customerId,
        String name,
        CustomerStatus status,
        @JsonSerialize(using = MillisOffsetDateTimeSerializer.class) OffsetDateTime since,
        String locale,
        Integer merchantKey,
        @Valid Contact contact,
        @Valid Address shippingAddress,
        @Valid Address billingAddress,
        @JacksonXmlElementWrapper(localName = "contracts") @XmlItemName("contract")
        List<@Valid Contract> contracts) {

    public Customer withAddresses(Address shipping, Address billing) {
        return new Customer(customerId, name, status, since, locale, merchantKey, contact, shipping, billing, contracts);
    }
}
