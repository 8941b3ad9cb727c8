package org.customergateway.syntch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Syntch's answer to a create. Timestamps stay in the vendor's .NET text form here
 * ({@code 0001-01-01T00:00:00.0000000}); {@link DotNetTimestamp} reads and writes them.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"CustomerKey", "CustomerID", "CustomerName", "ActivationStatus", "MerchantKey",
        "CreationTimestamp", "LastUpdateTimestamp", "DefaultContact", "BillingAddress", "ShippingAddress"})
public record CustomerDetail(
        Long customerKey,
        @JsonProperty("CustomerID") String customerId,
        String customerName,
        ActivationStatus activationStatus,
        Integer merchantKey,
        String creationTimestamp,
        String lastUpdateTimestamp,
        SyntchContact defaultContact,
        SyntchAddress billingAddress,
        SyntchAddress shippingAddress) {
}
