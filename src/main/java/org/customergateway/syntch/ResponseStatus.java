package org.customergateway.syntch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** ServiceStack's error envelope, {@code {"ResponseStatus": {...}}}, as Syntch answers a failed call. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseStatus(String errorCode, String message, String stackTrace, List<ResponseError> errors) {

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResponseError(String errorCode, String fieldName, String message) {
    }

    /** The body ServiceStack wraps the status in. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record Envelope(ResponseStatus responseStatus) {
    }
}
