package org.customergateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.customergateway.canonical.Customer;
import org.customergateway.json.Codecs;
import org.customergateway.json.JsonSchemas;
import org.customergateway.mapping.SchemaName;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.syntch.PostCustomer;

/**
 * The documents the gateway publishes about itself (the JSON Schema of each create request), generated
 * once at build time into the jar ({@code mvn process-classes} runs {@link #main}):
 * generating them from the models is a fifth of a start's work, so the gateway reads them instead, and
 * generates them itself only when they are missing (a run from an IDE without the build step).
 * PublishedDocumentsTest checks that what the jar holds is what the models give.
 */
public final class PublishedDocuments {

    static final Map<SchemaName, Class<?>> REQUEST_TYPES = Map.of(SchemaName.CANONICAL, Customer.class,
            SchemaName.SIMPLEPIN, CCProfileApiV2Model.class, SchemaName.SYNTCH, PostCustomer.class);

    private PublishedDocuments() {
    }

    /** @param args the classes folder to write into (target/classes) */
    public static void main(String... args) throws IOException {
        Path out = Path.of(args[0]);
        Codecs codecs = new Codecs();
        Files.createDirectories(out.resolve("published"));
        for (Map.Entry<SchemaName, ObjectNode> schema : schemas().entrySet()) {
            Files.write(out.resolve(resource(schema.getKey()).substring(1)), codecs.json().writeValueAsBytes(schema.getValue()));
        }
    }

    static String resource(SchemaName name) {
        return "/published/" + name.id() + ".schema.json";
    }

    /** Generated from the models, as the build does. */
    static Map<SchemaName, ObjectNode> schemas() {
        Map<SchemaName, ObjectNode> schemas = new EnumMap<>(SchemaName.class);
        JsonSchemas generator = new JsonSchemas();
        for (SchemaName name : SchemaName.values()) {
            Class<?> model = REQUEST_TYPES.get(name);
            schemas.put(name, generator.schemaOf(model, name.displayName() + " customer (" + model.getSimpleName() + ")"));
        }
        return schemas;
    }

    /** The bytes the build wrote, or null when it did not run. */
    static byte[] fromBuild(String resource) {
        try (InputStream in = PublishedDocuments.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
