package org.customergateway.mapping;

import java.util.Locale;

/** The three customer schemas the gateway speaks, by the names the API uses for them. */
public enum SchemaName {
    CANONICAL("canonical"), SIMPLEPIN("SimplePin"), SYNTCH("Syntch");

    private final String displayName;

    SchemaName(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static SchemaName fromId(String id) {
        if (id != null) {
            for (SchemaName schema : values()) {
                if (schema.id().equalsIgnoreCase(id.trim())) {
                    return schema;
                }
            }
        }
        throw new IllegalArgumentException("unknown schema '" + id + "': expected canonical, simplepin or syntch");
    }
}
