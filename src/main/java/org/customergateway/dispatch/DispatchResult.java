package org.customergateway.dispatch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** The answer to one customer: one outcome per target vendor (docs/flow.md). */
public record DispatchResult(String correlationId, String customerId, boolean replayed, List<Outcome> outcomes) {

    /**
     * 201 when every outcome is CREATED, 200 when each is CREATED or ALREADY_EXISTS, 422 when the
     * customer is invalid for every target (nothing sent), 207 when the outcomes differ between targets
     * (a customer invalid for one target is still created at the other), else 504 when no vendor could
     * be reached in time and 502 when vendors rejected it or failed.
     */
    @JsonIgnore
    public int httpStatus() {
        if (outcomes.stream().allMatch(o -> o.status() == OutcomeStatus.CREATED)) {
            return 201;
        }
        if (outcomes.stream().allMatch(o -> o.status() == OutcomeStatus.CREATED || o.status() == OutcomeStatus.ALREADY_EXISTS)) {
            return 200;
        }
        if (outcomes.stream().allMatch(o -> o.status() == OutcomeStatus.INVALID)) {
            return 422;
        }
        if (outcomes.stream().map(Outcome::status).distinct().count() > 1) {
            return 207;
        }
        return outcomes.stream().allMatch(Outcome::timedOut) ? 504 : 502;
    }
}
