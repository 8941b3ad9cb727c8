package org.customergateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.SimplePinMapper;
import org.customergateway.syntch.SyntchMapper;
import org.customergateway.syntch.ActivationStatus;
import org.customergateway.syntch.SyntchSettings;
import org.customergateway.translation.CanonicalSchema;
import org.customergateway.translation.Translator;
import org.customergateway.simplepin.SimplePinSchema;
import org.customergateway.syntch.SyntchSchema;

/** Test documents under {@code src/test/resources/fixtures/} and the gateway's real mapping tables. */
public final class Fixtures {

    public static final Path MAPPINGS = Path.of("mappings");
    public static final Codecs CODECS = new Codecs();
    public static final SimplePinGeography GEOGRAPHY = SimplePinGeography.fromSnapshot(MAPPINGS);
    public static final FieldPaths FIELD_PATHS = FieldPaths.load(MAPPINGS);
    public static final SyntchSettings SYNTCH_SETTINGS = new SyntchSettings(9000, ActivationStatus.ACTIVE);

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static <T> T json(String name, Class<T> type) {
        try {
            return CODECS.json().readValue(bytes(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T xml(String name, Class<T> type) {
        try {
            return CODECS.xml().readValue(bytes(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Translator translator() {
        return new Translator(FIELD_PATHS, new CanonicalSchema(CODECS),
                new SimplePinSchema(CODECS, new SimplePinMapper(GEOGRAPHY)), new SyntchSchema(CODECS, new SyntchMapper(SYNTCH_SETTINGS)));
    }
}
