package org.customergateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.customergateway.mapping.FieldMessage;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), with the gateway's extension
 * members: the field {@code violations} and the mapping {@code warnings}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail,
                      List<FieldMessage> violations, List<String> warnings) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://customer-gateway.dev/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of(), List.of());
    }

    public Problem withViolations(List<FieldMessage> newViolations, List<String> newWarnings) {
        return new Problem(type, title, status, detail, newViolations, newWarnings);
    }
}
