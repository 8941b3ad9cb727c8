package org.customergateway.syntch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Syntch's {@code Contact}. Its own billing and shipping addresses have no canonical counterpart. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"LastName", "FirstName", "JobTitle", "DepartmentName", "EmailAddress", "DaytimeTelephoneNumber",
        "NighttimeTelephoneNumber", "FaxNumber", "MobileTelephoneNumber", "BillingAddress", "ShippingAddress"})
public record SyntchContact(
        @Size(max = 50) String lastName,
        @Size(max = 50) String firstName,
        @Size(max = 50) String jobTitle,
        @Size(max = 50) String departmentName,
        @Size(max = 100) String emailAddress,
        @Size(max = 25) String daytimeTelephoneNumber,
        @Size(max = 25) String nighttimeTelephoneNumber,
        @Size(max = 25) String faxNumber,
        @Size(max = 25) String mobileTelephoneNumber,
        @Valid SyntchAddress billingAddress,
        @Valid SyntchAddress shippingAddress) {
}
