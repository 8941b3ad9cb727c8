package org.customergateway.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a mapper's warnings and violations while it walks a document. One per mapping call. */
public final class MappingLog {

    private final String target;
    private final List<FieldMessage> warnings = new ArrayList<>(2);
    private final List<FieldMessage> violations = new ArrayList<>(0);
    private final Map<String, String> sourcePaths = new LinkedHashMap<>(0);

    /** @param target the name of the schema being written, as it appears in warnings ("Syntch") */
    public MappingLog(String target) {
        this.target = target;
    }

    /** A field the target has no place for: dropped with a warning, never an error (docs/customers.md). */
    public void dropped(String field, Object value) {
        if (isPresent(value)) {
            warnings.add(new FieldMessage(field, "no place in " + target + ", dropped"));
        }
    }

    public void warning(String field, String message) {
        warnings.add(new FieldMessage(field, message));
    }

    public void violation(String field, String message) {
        violations.add(new FieldMessage(field, message));
    }

    public void sourcePath(String canonicalPrefix, String sourcePrefix) {
        sourcePaths.put(canonicalPrefix, sourcePrefix);
    }

    public <T> Mapped<T> result(T value) {
        return new Mapped<>(value, List.copyOf(warnings), List.copyOf(violations), Map.copyOf(sourcePaths));
    }

    private static boolean isPresent(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof CharSequence text) {
            return !text.toString().isBlank();
        }
        if (value instanceof Collection<?> items) {
            return !items.isEmpty();
        }
        return true;
    }
}
