package org.customergateway.simplepin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import org.customergateway.json.XmlItemName;
import java.time.OffsetDateTime;
import java.util.List;
import org.customergateway.json.MillisOffsetDateTimeSerializer;

/** SimplePin's answer to a create or a getCustomer: the stored profile, with its id and status. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JacksonXmlRootElement(localName = "cc_profile_model")
@JsonPropertyOrder({"billing_address_id", "billing_address_models", "contract_email", "contracts", "customer_id",
        "customer_name", "customer_since", "id", "main_address", "mobile_number", "phone_number", "status", "version"})
public record CCProfileV2Model(
        Long billingAddressId,
        @JacksonXmlElementWrapper(localName = "billing_address_models")
        @XmlItemName("billing_address_model")
        List<AddressApiV2Model> billingAddressModels,
        String contractEmail,
        @JacksonXmlElementWrapper(localName = "contracts") @XmlItemName("contract")
        List<CcContractV2Model> contracts,
        String customerId,
        String customerName,
        @JsonSerialize(using = MillisOffsetDateTimeSerializer.class) OffsetDateTime customerSince,
        Long id,
        AddressApiV2Model mainAddress,
        String mobileNumber,
        String phoneNumber,
        SimplePinStatus status,
        Integer version) {
}
