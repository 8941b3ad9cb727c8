package org.customergateway.simplepin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import org.customergateway.json.XmlItemName;
import jakarta.validation.constraints.NotBlank;
import java.time.OffsetDateTime;
import java.util.List;
import org.customergateway.json.MillisOffsetDateTimeSerializer;

/**
 * SimplePin's create request, {@code POST /v2/customer/add}. The vendor marks every field optional;
 * the gateway insists on {@code customer_id} because the getCustomer check before a create needs it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JacksonXmlRootElement(localName = "add_update_cc_profile_model")
@JsonPropertyOrder({"billing_addresses", "contract_email", "contracts", "customer_id", "customer_name",
        "customer_since", "delete_billing_address_ids", "main_address", "mobile_number", "phone_number"})
public record CCProfileApiV2Model(
        @JacksonXmlElementWrapper(localName = "billing_addresses")
        @XmlItemName("billing_address")
        List<AddressApiV2Model> billingAddresses,
        String contractEmail,
        @JacksonXmlElementWrapper(localName = "contracts") @XmlItemName("contract")
        List<CcContractV2Model> contracts,
        @NotBlank String customerId,
        String customerName,
        @JsonSerialize(using = MillisOffsetDateTimeSerializer.class) OffsetDateTime customerSince,
        @JacksonXmlElementWrapper(localName = "delete_billing_address_ids")
        @XmlItemName("id")
        List<Long> deleteBillingAddressIds,
        AddressApiV2Model mainAddress,
        String mobileNumber,
        String phoneNumber) {
}
