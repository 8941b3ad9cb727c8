package org.customergateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;

/**
 * The HTTP API bound from its contract: every operation of {@code openapi.yaml} becomes a Rest DSL verb
 * (on platform-http) whose route is the one reading {@code direct:<operationId>}, inlined into it.
 * An operation without that route stops the start. An operation marked {@code x-path-prefix} answers
 * every path below its own, which the Rest DSL cannot match: its route reads platform-http itself.
 * <p>
 * Camel's own contract-first binding ({@code rest: openApi:}, camel-rest-openapi) does this with more
 * (request checks against the schemas); it is not in the Maven repository this project builds from, so
 * the binding is done here from the same document, and the requests are checked by the routes' beans.
 */
public final class ContractRoutes extends RouteBuilder {

    @Override
    public void configure() {
        JsonNode contract = getContext().getRegistry().lookupByNameAndType("openApiEndpoint", OpenApiEndpoint.class)
                .contract();
        RestDefinition rest = rest();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!operation.getValue().path("x-path-prefix").asBoolean()) {
                String id = operation.getValue().path("operationId").asText();
                rest.verb(operation.getKey(), path.getKey()).id(id).to("direct:" + id);
            }
        }));
    }
}
