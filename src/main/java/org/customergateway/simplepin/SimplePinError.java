package org.customergateway.simplepin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;
import org.customergateway.json.XmlItemName;

/**
 * SimplePin's error answer. Its document names the status codes but not the body, so this is the
 * gateway's assumption, as its simulator answers and its client reads: a message and per-field errors.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JacksonXmlRootElement(localName = "error")
public record SimplePinError(String message,
                             @JacksonXmlElementWrapper(localName = "errors") @XmlItemName("error")
                             List<FieldError> errors) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FieldError(String field, String message) {
    }
}
