package org.customergateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.customergateway.StartRefused;

/**
 * The HTTP API bound from its contract: every operation of {@code openapi.yaml} becomes a Rest DSL verb
 * (on platform-http) whose route is the one reading {@code direct:<operationId>}, inlined into it.
 * An operation without that route stops the start ({@link #everyOperationBound}). An operation marked {@code x-path-prefix} answers
 * every path below its own, which the Rest DSL cannot match: its route reads platform-http itself.
 * <p>
 * Camel's own contract-first binding ({@code rest: openApi:}, camel-rest-openapi) does this with more
 * (request checks against the schemas); it is not in the Maven repository this project builds from, so
 * the binding is done here from the same document, and the requests are checked by the routes' beans:
 * against the models the contract's schemas are generated from (OpenApiContractTest holds the two
 * equal), in the media types the contract lists (OpenApiHttpTest sends each, and one it does not list).
 */
public final class ContractRoutes extends RouteBuilder {

    @Override
    public void configure() throws Exception {
        JsonNode contract = getContext().getRegistry().lookupByNameAndType("openApiEndpoint", OpenApiEndpoint.class)
                .contract();
        RestDefinition rest = rest();
        List<String> operations = new ArrayList<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!operation.getValue().path("x-path-prefix").asBoolean()) {
                String id = operation.getValue().path("operationId").asText();
                rest.verb(operation.getKey(), path.getKey()).id(id).to("direct:" + id);
                operations.add(id);
            }
        }));
        getContext().addStartupListener((context, alreadyStarted) -> everyOperationBound(context, operations));
    }

    /**
     * The Rest DSL inlines the route reading {@code direct:<operationId>} into the operation's, which
     * then takes that route's id. One it found no route for keeps the operation's own id and would
     * answer its callers only after the direct endpoint's wait: the start stops instead, naming it.
     */
    private static void everyOperationBound(CamelContext context, List<String> operations) {
        List<String> unbound = operations.stream().filter(id -> context.getRoute(id) != null).toList();
        if (!unbound.isEmpty()) {
            throw new StartRefused("no route reads direct:<operationId> for the HTTP operations " + unbound
                    + " of openapi.yaml (gateway.routes-dir)");
        }
    }
}
