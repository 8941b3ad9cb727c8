package org.customergateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customergateway.json.Codecs;

/**
 * The gateway's HTTP contract, {@code openapi.yaml} in the jar: read once, bound by {@link ContractRoutes}
 * and served as it is, in JSON, at {@code GET /api/v1/openapi.json}.
 */
public final class OpenApiEndpoint {

    static final String CONTRACT = "/openapi.yaml";

    private final JsonNode contract;
    private final byte[] document;

    public OpenApiEndpoint(Codecs codecs) throws IOException {
        this.contract = read();
        this.document = codecs.json().writeValueAsBytes(contract);
    }

    public static JsonNode read() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException("the HTTP contract " + CONTRACT + " is not on the class path");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the HTTP contract " + CONTRACT + " cannot be read", e);
        }
    }

    public JsonNode contract() {
        return contract;
    }

    public void document(Message message) {
        message.removeHeaders("*");
        message.setBody(document);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    }
}
