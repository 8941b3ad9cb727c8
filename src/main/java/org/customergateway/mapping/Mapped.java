package org.customergateway.mapping;

import java.util.List;
import java.util.Map;

/**
 * What a mapper made, and what it had to say about it.
 *
 * @param warnings     fields dropped because the target has no place for them
 * @param violations   values that cannot be mapped at all (an unknown country id, too many lines)
 * @param sourcePaths  canonical path prefixes that stand somewhere other than the usual place in the
 *                     source document (the selected SimplePin billing address is not always the first)
 */
public record Mapped<T>(T value, List<FieldMessage> warnings, List<FieldMessage> violations,
                        Map<String, String> sourcePaths) {

    public boolean isValid() {
        return violations.isEmpty();
    }
}
