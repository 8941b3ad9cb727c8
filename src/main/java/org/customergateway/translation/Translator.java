package org.customergateway.translation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.customergateway.canonical.Customer;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.mapping.Mapped;
import org.customergateway.mapping.SchemaName;

/**
 * Source schema to canonical to target schema, then the target's rules. Every step's findings are
 * renamed into the caller's schema and reported together, one per field (the first step that found
 * something about a field has the most precise thing to say).
 */
public final class Translator {

    private final Map<SchemaName, CustomerSchema> schemas = new EnumMap<>(SchemaName.class);
    private final FieldPaths fieldPaths;

    public Translator(FieldPaths fieldPaths, CustomerSchema... schemas) {
        this.fieldPaths = fieldPaths;
        for (CustomerSchema schema : schemas) {
            this.schemas.put(schema.name(), schema);
        }
    }

    /** @throws IllegalArgumentException when the document is of no schema the gateway knows */
    public SchemaName schemaOf(Object document) {
        for (CustomerSchema schema : schemas.values()) {
            if (schema.holds(document)) {
                return schema.name();
            }
        }
        throw new IllegalArgumentException("no customer to map: the body is "
                + (document == null ? "empty" : "a " + document.getClass().getSimpleName()));
    }

    public CustomerSchema schema(SchemaName name) {
        return schemas.get(name);
    }

    public Translation translate(SchemaName from, SchemaName to, byte[] body, BodyFormat format) throws IOException {
        return translate(from, to, schema(from).read(body, format));
    }

    public Translation translate(SchemaName from, SchemaName to, Object document) {
        Mapped<Customer> canonical = schema(from).toCanonical(document);
        CustomerSchema target = schema(to);
        Mapped<?> mapped = target.fromCanonical(canonical.value());
        Map<String, String> moved = canonical.sourcePaths();

        List<FieldMessage> violations = new ArrayList<>(canonical.violations());
        violations.addAll(fieldPaths.translate(mapped.violations(), SchemaName.CANONICAL, from, moved));
        violations.addAll(fieldPaths.translate(target.validate(mapped.value()), to, from, moved));

        List<String> warnings = new ArrayList<>(canonical.warnings().size() + mapped.warnings().size());
        canonical.warnings().forEach(w -> warnings.add(w.toString()));
        fieldPaths.translate(mapped.warnings(), SchemaName.CANONICAL, from, moved).forEach(w -> warnings.add(w.toString()));

        return new Translation(from, to, mapped.value(), warnings, firstPerField(violations), canonical.value(), moved);
    }

    private static List<FieldMessage> firstPerField(List<FieldMessage> violations) {
        if (violations.size() < 2) {
            return violations;
        }
        Map<String, FieldMessage> byField = new LinkedHashMap<>();
        violations.forEach(v -> byField.putIfAbsent(v.field(), v));
        return List.copyOf(byField.values());
    }
}
