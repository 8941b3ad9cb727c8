package org.customergateway.dispatch;

import java.util.List;

/**
 * Which outcome a vendor facade answers with when the customer went to more than one vendor: the
 * first that did not succeed (a facade client must hear of a failure), else the first created one.
 */
public final class FacadeAnswer {

    private FacadeAnswer() {
    }

    public static Outcome decisive(DispatchResult result) {
        List<Outcome> outcomes = result.outcomes();
        return outcomes.stream()
                .filter(o -> o.status() != OutcomeStatus.CREATED && o.status() != OutcomeStatus.ALREADY_EXISTS)
                .findFirst()
                .or(() -> outcomes.stream().filter(o -> o.status() == OutcomeStatus.CREATED).findFirst())
                .orElse(outcomes.get(0));
    }

    /** The status a facade answers a failed or rejected outcome with. */
    public static int errorStatus(Outcome outcome) {
        return switch (outcome.status()) {
            case INVALID -> 400;
            case ALREADY_EXISTS -> 409;
            // the vendor refused the gateway itself (its credentials): not the client's fault
            case REJECTED -> outcome.httpStatus() != null && (outcome.httpStatus() == 401 || outcome.httpStatus() == 403)
                    ? 502 : 400;
            case FAILED -> outcome.timedOut() ? 504 : 502;
            case CREATED -> 201;
        };
    }
}
