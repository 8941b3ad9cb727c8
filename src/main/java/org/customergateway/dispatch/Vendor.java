package org.customergateway.dispatch;

import java.util.Locale;
import org.customergateway.mapping.SchemaName;

/** A vendor the gateway creates customers at, by the name the API and the outcomes use. */
public enum Vendor {
    SIMPLEPIN(SchemaName.SIMPLEPIN), SYNTCH(SchemaName.SYNTCH);

    private final SchemaName schema;

    Vendor(SchemaName schema) {
        this.schema = schema;
    }

    public SchemaName schema() {
        return schema;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
