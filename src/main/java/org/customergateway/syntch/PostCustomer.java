package org.customergateway.syntch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Syntch's create request, {@code POST /customers}. Rules that span fields (create-only statuses,
 * one address at least, a province of the right country) live in {@link SyntchCreateRules}.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"CustomerName", "CustomerId", "MerchantKey", "DefaultContact", "ShippingAddress",
        "BillingAddress", "ActivationStatus"})
public record PostCustomer(
        @NotBlank @Size(max = 100) String customerName,
        @Size(max = 50) String customerId,
        Integer merchantKey,
        @NotNull @Valid SyntchContact defaultContact,
        @Valid SyntchAddress shippingAddress,
        @Valid SyntchAddress billingAddress,
        @NotNull ActivationStatus activationStatus) {
}
