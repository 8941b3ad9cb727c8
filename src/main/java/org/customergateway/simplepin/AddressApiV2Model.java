package org.customergateway.simplepin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** SimplePin's address, in requests and answers alike. Country and province are SimplePin's numeric ids. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "zip", "city", "country", "province", "address", "selected"})
public record AddressApiV2Model(
        Long id,
        String zip,
        String city,
        Integer country,
        Integer province,
        String address,
        Boolean selected) {
}
