package org.customergateway.translation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.customergateway.mapping.SchemaName;

/**
 * Tells a dropped customer's schema by its content: Syntch writes PascalCase names, SimplePin
 * snake_case, the canonical model camelCase; in XML, the element name says it.
 */
public final class SchemaSniffer {

    private static final Set<String> SIMPLEPIN_ROOTS = Set.of("add_update_cc_profile_model", "cc_profile_model");
    private static final Set<String> SYNTCH_ROOTS = Set.of("PostCustomer", "CustomerDetail");

    private SchemaSniffer() {
    }

    public static SchemaName ofJson(JsonNode customer) {
        Iterator<String> names = customer.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
                return SchemaName.SYNTCH;
            }
            if (name.indexOf('_') > 0) {
                return SchemaName.SIMPLEPIN;
            }
        }
        return SchemaName.CANONICAL;
    }

    /** @return the schema of an element by its name, or null when it names no customer (a list wrapper) */
    public static SchemaName ofXmlElement(String name) {
        if (SIMPLEPIN_ROOTS.contains(name)) {
            return SchemaName.SIMPLEPIN;
        }
        if (SYNTCH_ROOTS.contains(name)) {
            return SchemaName.SYNTCH;
        }
        return "customer".equals(name) ? SchemaName.CANONICAL : null;
    }
}
