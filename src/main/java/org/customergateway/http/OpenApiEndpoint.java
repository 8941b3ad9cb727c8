package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Message;
import org.customergateway.json.Codecs;

/** {@code GET /api/v1/openapi.json}: the gateway's OpenAPI document ({@link PublishedDocuments}). */
public final class OpenApiEndpoint {

    private final byte[] document;

    public OpenApiEndpoint(Codecs codecs) throws JsonProcessingException {
        byte[] built = PublishedDocuments.fromBuild(PublishedDocuments.OPENAPI);
        this.document = built != null ? built : codecs.json().writeValueAsBytes(new OpenApiDocument(codecs.json()).document());
    }

    public void document(Message message) {
        message.removeHeaders("*");
        message.setBody(document);
        message.setHeader(org.apache.camel.Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(org.apache.camel.Exchange.CONTENT_TYPE, "application/json");
    }
}
