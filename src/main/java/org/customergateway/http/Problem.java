package org.customergateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.OutcomeStatus;
import org.customergateway.mapping.FieldMessage;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), with the gateway's extension
 * members: the field {@code violations} and the mapping {@code warnings}; for a customer refused by
 * every target, also its {@code correlationId}, {@code customerId} and per-target {@code outcomes}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "violations", "warnings", "correlationId", "customerId",
        "replayed", "outcomes"})
public record Problem(String type, String title, int status, String detail, List<Violation> violations,
                      List<String> warnings, String correlationId, String customerId, Boolean replayed,
                      List<Outcome> outcomes) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://customer-gateway.dev/problems/";

    /** One rule broken: the field in the caller's schema, and the vendor whose rule it is (when one is). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String field, String message, String vendor) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of(), List.of(), null, null, null, List.of());
    }

    /** A customer invalid for every target (nothing sent): each vendor's violations, and the outcomes. */
    public static Problem invalidCustomer(DispatchResult result) {
        List<Violation> violations = result.outcomes().stream()
                .filter(outcome -> outcome.status() == OutcomeStatus.INVALID && outcome.violations() != null)
                .flatMap(outcome -> outcome.violations().stream()
                        .map(v -> new Violation(v.field(), v.message(), outcome.vendor())))
                .toList();
        return new Problem(TYPE_BASE + "invalid-customer", "Invalid customer", 422,
                "the customer breaks " + violations.size() + " rule(s) of its target(s); nothing was sent",
                violations, List.of(), result.correlationId(), result.customerId(), result.replayed() ? true : null,
                result.outcomes());
    }

    public Problem withViolations(List<FieldMessage> newViolations, List<String> newWarnings) {
        return new Problem(type, title, status, detail,
                newViolations.stream().map(v -> new Violation(v.field(), v.message(), null)).toList(), newWarnings,
                correlationId, customerId, replayed, outcomes);
    }
}
