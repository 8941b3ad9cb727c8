package org.customergateway.syntch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Syntch's {@code Address}: limits as its PostCustomer document gives them. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"StreetAddress1", "StreetAddress2", "StreetAddress3", "City", "StateOrProvinceCode",
        "PostalCode", "CountryCode"})
public record SyntchAddress(
        @NotBlank @Size(max = 50) String streetAddress1,
        @Size(max = 50) String streetAddress2,
        @Size(max = 50) String streetAddress3,
        @Size(max = 50) String city,
        @NotBlank @Pattern(regexp = SyntchRegions.PATTERN, message = "must be a USA state or CAN province code")
        String stateOrProvinceCode,
        @NotBlank @Size(max = 30) String postalCode,
        @NotBlank @Pattern(regexp = "USA|CAN", message = "must be USA or CAN") String countryCode) {
}
