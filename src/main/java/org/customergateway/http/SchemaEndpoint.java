package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.Message;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.SchemaName;

/** {@code GET /api/v1/schemas/{name}}: the JSON Schema of each schema's create request ({@link PublishedDocuments}). */
public final class SchemaEndpoint {

    private final Map<SchemaName, byte[]> schemas = new EnumMap<>(SchemaName.class);

    public SchemaEndpoint(Codecs codecs) throws JsonProcessingException {
        Map<SchemaName, ObjectNode> generated = null;
        for (SchemaName name : SchemaName.values()) {
            byte[] built = PublishedDocuments.fromBuild(PublishedDocuments.resource(name));
            if (built == null) {
                generated = generated == null ? PublishedDocuments.schemas() : generated;
                built = codecs.json().writeValueAsBytes(generated.get(name));
            }
            schemas.put(name, built);
        }
    }

    public void schema(Message message) {
        SchemaName name;
        try {
            name = SchemaName.fromId(message.getHeader("name", String.class));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(404, "unknown-schema", "Unknown schema", e.getMessage()));
        }
        message.removeHeaders("*");
        message.setBody(schemas.get(name));
        message.setHeader(org.apache.camel.Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(org.apache.camel.Exchange.CONTENT_TYPE, "application/schema+json");
    }
}
