package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.Message;
import org.customergateway.json.Codecs;
import org.customergateway.json.JsonSchemas;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translator;

/** {@code GET /api/v1/schemas/{name}}: the JSON Schema of each schema's create request, made once at start. */
public final class SchemaEndpoint {

    private final Map<SchemaName, ObjectNode> schemas = new EnumMap<>(SchemaName.class);
    private final Codecs codecs;

    public SchemaEndpoint(Translator translator, Codecs codecs) {
        this.codecs = codecs;
        JsonSchemas generator = new JsonSchemas();
        for (SchemaName name : SchemaName.values()) {
            Class<?> model = translator.schema(name).requestType();
            schemas.put(name, generator.schemaOf(model, name.displayName() + " customer (" + model.getSimpleName() + ")"));
        }
    }

    public void schema(Message message) throws JsonProcessingException {
        SchemaName name;
        try {
            name = SchemaName.fromId(message.getHeader("name", String.class));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(404, "unknown-schema", "Unknown schema", e.getMessage()));
        }
        HttpReply.write(message, 200, "application/schema+json", codecs.json(), schemas.get(name));
    }
}
