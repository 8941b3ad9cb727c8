package org.customergateway.translation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.customergateway.canonical.Customer;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.SchemaName;

/**
 * A customer carried from one schema to another: the mapped body, what was dropped on the way, and
 * every rule it breaks, all named in the caller's ({@code from}) schema.
 *
 * @param canonical   the customer in between, for the ways in that go on to dispatch it
 * @param sourcePaths where the caller's document keeps fields away from their usual place, to name a
 *                    vendor's field errors in the caller's schema
 */
public record Translation(String from, String to, Object body, List<String> warnings,
                          List<FieldMessage> violations, @JsonIgnore Customer canonical,
                          @JsonIgnore Map<String, String> sourcePaths) {

    public Translation(SchemaName from, SchemaName to, Object body, List<String> warnings,
                       List<FieldMessage> violations, Customer canonical, Map<String, String> sourcePaths) {
        this(from.id(), to.id(), body, warnings, violations, canonical, sourcePaths);
    }

    @JsonIgnore
    public boolean isValid() {
        return violations.isEmpty();
    }
}
