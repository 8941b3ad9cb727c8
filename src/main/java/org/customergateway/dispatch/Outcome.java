package org.customergateway.dispatch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.customergateway.mapping.FieldMessage;

/**
 * What happened at one vendor. {@code violations} carries field errors (the gateway's own for INVALID,
 * the vendor's for REJECTED) named in the caller's schema; {@code vendorResponse} is the vendor's raw
 * answer, only when asked for with {@code ?includeRaw=true}.
 *
 * @param answer the vendor's parsed answer (CCProfileV2Model or CustomerDetail), for the facades
 */
@JsonPropertyOrder({"vendor", "status", "httpStatus", "vendorCustomerId", "attempts", "warnings", "violations",
        "error", "deadLetterId", "vendorResponse"})
public record Outcome(String vendor, OutcomeStatus status, Integer httpStatus, String vendorCustomerId, int attempts,
                      List<String> warnings,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldMessage> violations,
                      String error, String deadLetterId,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String vendorResponse,
                      @JsonIgnore Object answer, @JsonIgnore boolean timedOut) {

    public static Outcome invalid(Vendor vendor, List<String> warnings, List<FieldMessage> violations) {
        return new Outcome(vendor.id(), OutcomeStatus.INVALID, null, null, 0, warnings, violations,
                "the customer breaks " + violations.size() + " rule(s) of " + vendor.schema().displayName()
                        + "; nothing was sent", null, null, null, false);
    }

    public Outcome withDeadLetter(String id, String newError) {
        return new Outcome(vendor, status, httpStatus, vendorCustomerId, attempts, warnings, violations, newError, id,
                vendorResponse, answer, timedOut);
    }

    public Outcome withoutRaw() {
        return new Outcome(vendor, status, httpStatus, vendorCustomerId, attempts, warnings, violations, error,
                deadLetterId, null, answer, timedOut);
    }
}
