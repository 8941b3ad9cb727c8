package org.customergateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import org.customergateway.canonical.Customer;
import org.customergateway.dispatch.BatchResult;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.filedrop.FileDropStatus;
import org.customergateway.ledger.DeadLetter;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.simplepin.CCProfileV2Model;
import org.customergateway.simplepin.SimplePinError;
import org.customergateway.syntch.CustomerDetail;
import org.customergateway.syntch.PostCustomer;
import org.customergateway.syntch.ResponseStatus;
import org.customergateway.translation.Translation;

/**
 * The OpenAPI 3.1 document of every endpoint the gateway serves, the facades included, built once at
 * start. Its schemas are generated from the same models (and the same limits) the endpoints read and
 * write; a test holds the document and the running routes to each other.
 */
public final class OpenApiDocument {

    private static final String JSON = "application/json";
    private static final String XML = "application/xml";
    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final ObjectMapper json;
    private final SchemaGenerator generator;
    private final ObjectNode document;

    public OpenApiDocument(ObjectMapper json) {
        this.json = json;
        this.generator = new SchemaGenerator(new SchemaGeneratorConfigBuilder(json, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .with(Option.INLINE_ALL_SCHEMAS, Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .build());
        this.document = build();
    }

    public JsonNode document() {
        return document;
    }

    private ObjectNode build() {
        ObjectNode root = json.createObjectNode().put("openapi", "3.1.0");
        root.putObject("info").put("title", "customer-gateway")
                .put("version", "1")
                .put("description", "Maps, validates and creates customers at SimplePin and Syntch.");
        ObjectNode schemas = root.putObject("components").putObject("schemas");
        schema(schemas, "Customer", Customer.class);
        schema(schemas, "CCProfileApiV2Model", CCProfileApiV2Model.class);
        schema(schemas, "CCProfileV2Model", CCProfileV2Model.class);
        schema(schemas, "SimplePinError", SimplePinError.class);
        schema(schemas, "PostCustomer", PostCustomer.class);
        schema(schemas, "CustomerDetail", CustomerDetail.class);
        schema(schemas, "ResponseStatus", ResponseStatus.Envelope.class);
        schema(schemas, "DispatchResult", DispatchResult.class);
        schema(schemas, "BatchResult", BatchResult.class);
        schema(schemas, "Translation", Translation.class);
        schema(schemas, "Problem", Problem.class);
        schema(schemas, "DeadLetter", DeadLetter.class);
        schema(schemas, "DeadLetterPage", DeadLetterStore.Page.class);
        schema(schemas, "DeadLetterGroups", DeadLettersEndpoint.Groups.class);
        schema(schemas, "DeadLetterSelection", DeadLetterBatches.Selection.class);
        schema(schemas, "DeadLetterBatchAnswer", DeadLetterBatches.BatchAnswer.class);
        schema(schemas, "Vendors", VendorsEndpoint.Vendors.class);
        schema(schemas, "FileDropStatus", FileDropStatus.Snapshot.class);
        schema(schemas, "Whereabouts", CustomerLookupEndpoint.Whereabouts.class);
        schema(schemas, "SimplePinCountries", org.customergateway.simplepin.SimplePinLookupEntries.CountryEntry[].class);
        schema(schemas, "SimplePinProvinces", org.customergateway.simplepin.SimplePinLookupEntries.ProvinceEntry[].class);
        root.putArray("security").addObject().putArray("apiKey");
        root.withObject("/components").putObject("securitySchemes").putObject("apiKey")
                .put("type", "apiKey").put("in", "header").put("name", "X-Api-Key")
                .put("description", "When gateway.auth.api-keys is set; Authorization: Bearer <key> works too.");

        ObjectNode paths = root.putObject("paths");
        ObjectNode customers = operation(paths, "/api/v1/customers", "post", "Create customers at SimplePin, Syntch or both");
        header(customers, "X-Gateway-Target", "simplepin, syntch or both; default gateway.default-target");
        header(customers, "Idempotency-Key", "the request's identity; else target, customerId and body hash");
        header(customers, CorrelationIds.HEADER, "carried to the vendors and answered back");
        query(customers, "includeRaw", "true adds each vendor's raw answer", false);
        body(customers, JSON, "Customer").put("description", "one canonical customer (JSON or XML), or many as canonical CSV");
        body(customers, XML, "Customer");
        customers.withObject("/requestBody/content").putObject("text/csv").putObject("schema").put("type", "string");
        answer(customers, "201", "every vendor created it", JSON, "DispatchResult");
        answer(customers, "200", "created or already there everywhere", JSON, "DispatchResult");
        answer(customers, "207", "outcomes differ between vendors (or CSV records)", JSON, "DispatchResult");
        answer(customers, "422", "invalid for every target; nothing sent: a problem with the violations and outcomes",
                PROBLEM, "Problem");
        answer(customers, "502", "the vendors rejected it or failed", JSON, "DispatchResult");
        answer(customers, "504", "no vendor answered in time", JSON, "DispatchResult");
        problems(customers, "400", "401", "409", "413", "415");

        ObjectNode whereabouts = operation(paths, "/api/v1/customers/{customerId}", "get",
                "At which vendors a customer is, under which ids, as the gateway remembers it");
        pathParameter(whereabouts, "customerId", "the customer's id");
        answer(whereabouts, "200", "the vendors that hold it", JSON, "Whereabouts");
        problems(whereabouts, "401", "404");

        ObjectNode translate = operation(paths, "/api/v1/translate", "post", "Map a customer between schemas, sending nothing");
        query(translate, "from", "canonical, simplepin or syntch", true);
        query(translate, "to", "canonical, simplepin or syntch", true);
        body(translate, JSON, null);
        body(translate, XML, null);
        answer(translate, "200", "the mapped body and its warnings", JSON, "Translation");
        problems(translate, "400", "401", "413", "415", "422");

        ObjectNode schemaOf = operation(paths, "/api/v1/schemas/{name}", "get", "The JSON Schema of a customer model");
        pathParameter(schemaOf, "name", "canonical, simplepin or syntch");
        schemaOf.withObject("/responses").putObject("200").put("description", "a JSON Schema")
                .putObject("content").putObject("application/schema+json").putObject("schema").put("type", "object");
        problems(schemaOf, "401", "404");

        ObjectNode list = operation(paths, "/api/v1/dead-letters", "get", "Dead letters, newest first");
        letterFilters(list);
        query(list, "page", "the page, from 0", false);
        query(list, "size", "letters per page, at most 500 (50 unless given)", false);
        answer(list, "200", "a page of dead letters", JSON, "DeadLetterPage");
        problems(list, "400", "401");

        ObjectNode groups = operation(paths, "/api/v1/dead-letter-groups", "get",
                "Dead letters grouped by vendor and error text, the group with the newest letter first");
        letterFilters(groups);
        answer(groups, "200", "the groups (waiting letters unless state is given), at most 200", JSON, "DeadLetterGroups");
        problems(groups, "400", "401");
        for (String action : new String[] {"replay", "discard"}) {
            ObjectNode batch = operation(paths, "/api/v1/dead-letters/" + action, "post", (action.equals("replay")
                    ? "Replay" : "Discard") + " many dead letters at once: those named, or the waiting letters a filter"
                    + " matches (a group: vendor and error; an outage: vendor and since), 500 at most, the oldest first");
            body(batch, JSON, "DeadLetterSelection").put("description",
                    "{\"ids\": [...]}, or a filter with at least one of vendor, error, wayIn, customerId, since, until");
            answer(batch, "200", "a result per letter, in the order asked", JSON, "DeadLetterBatchAnswer");
            problems(batch, "400", "401", "413");
        }

        ObjectNode letter = operation(paths, "/api/v1/dead-letters/{id}", "get", "One dead letter, body included");
        pathParameter(letter, "id", "the dead letter's id");
        answer(letter, "200", "the dead letter", JSON, "DeadLetter");
        problems(letter, "401", "404");
        ObjectNode discard = operation(paths, "/api/v1/dead-letters/{id}", "delete", "Discard a waiting dead letter");
        pathParameter(discard, "id", "the dead letter's id");
        discard.withObject("/responses").putObject("204").put("description", "discarded");
        problems(discard, "401", "404", "409");

        ObjectNode replay = operation(paths, "/api/v1/dead-letters/{id}/replay", "post", "Create a dead letter's customer now, once");
        pathParameter(replay, "id", "the dead letter's id");
        answer(replay, "201", "created; the letter is marked replayed", JSON, "DispatchResult");
        answer(replay, "200", "already there; the letter is marked replayed", JSON, "DispatchResult");
        answer(replay, "502", "failed again; the letter keeps waiting", JSON, "DispatchResult");
        problems(replay, "401", "404", "409");

        ObjectNode status = operation(paths, "/api/v1/filedrop/status", "get",
                "Files being read, the last finished (with their counts by status) and the last failed (with why)");
        answer(status, "200", "progress", JSON, "FileDropStatus");
        problems(status, "401");
        ObjectNode report = operation(paths, "/api/v1/filedrop/reports/{file}", "get",
                "A dropped file's report (reports/<file>.report.csv on this instance)");
        pathParameter(report, "file", "the dropped file's name");
        report.withObject("/responses").putObject("200").put("description", "the report, a line per record and vendor")
                .putObject("content").putObject("text/csv").putObject("schema").put("type", "string");
        problems(report, "401", "404");

        ObjectNode vendors = operation(paths, "/api/v1/vendors", "get",
                "Each vendor's circuit, health, totals and the last hour in samples; and readiness");
        answer(vendors, "200", "the vendors", JSON, "Vendors");
        problems(vendors, "401");

        ObjectNode console = operation(paths, "/console", "get", "The operations console (an HTML page; no API key needed)");
        console.putArray("security");
        console.withObject("/responses").putObject("200").put("description", "the page")
                .putObject("content").putObject("text/html").putObject("schema").put("type", "string");
        ObjectNode consoleFile = operation(paths, "/console/{file}", "get", "The console's styles and scripts");
        consoleFile.putArray("security");
        pathParameter(consoleFile, "file", "a file of the console");
        consoleFile.withObject("/responses").putObject("200").put("description", "the file")
                .putObject("content").putObject("text/javascript").putObject("schema").put("type", "string");
        problems(consoleFile, "404");

        ObjectNode openapi = operation(paths, "/api/v1/openapi.json", "get", "This document");
        openapi.withObject("/responses").putObject("200").put("description", "OpenAPI 3.1")
                .putObject("content").putObject(JSON).putObject("schema").put("type", "object");
        problems(openapi, "401");

        ObjectNode simplePin = operation(paths, "/simplepin/v2/customer/add", "post",
                "SimplePin's add, created at gateway.facade.simplepin.target");
        query(simplePin, "locale", "SimplePin's locale", false);
        body(simplePin, JSON, "CCProfileApiV2Model");
        body(simplePin, XML, "CCProfileApiV2Model");
        answer(simplePin, "201", "created, as SimplePin answers", JSON, "CCProfileV2Model");
        simplePin.withObject("/responses/201/content").set(XML, simplePin.withObject("/responses/201/content/" + "application~1json"));
        for (String code : new String[] {"400", "409", "502", "504"}) {
            answer(simplePin, code, "refused, as SimplePin errors", JSON, "SimplePinError");
        }
        problems(simplePin, "401", "413", "415");

        ObjectNode countries = operation(paths, "/simplepin/v2/countries", "get",
                "SimplePin's getCountries, from the gateway's own tables");
        query(countries, "locale", "the language of the names, where known", false);
        answer(countries, "200", "the countries (XML when Accept asks for it)", JSON, "SimplePinCountries");
        problems(countries, "401");
        ObjectNode provinces = operation(paths, "/simplepin/v2/provinces", "get",
                "SimplePin's getProvinces, from the gateway's own tables");
        query(provinces, "country_id", "the country's SimplePin id; all provinces without it", false);
        query(provinces, "locale", "SimplePin's locale", false);
        answer(provinces, "200", "the provinces (XML when Accept asks for it)", JSON, "SimplePinProvinces");
        problems(provinces, "401");
        ObjectNode getCustomer = operation(paths, "/simplepin/v2/customer/get", "get",
                "SimplePin's getCustomer, for gateway.facade.simplepin.target");
        query(getCustomer, "customer_id", "the customer's id", true);
        query(getCustomer, "locale", "SimplePin's locale", false);
        answer(getCustomer, "200", "the customer, as SimplePin answers", JSON, "CCProfileV2Model");
        for (String code : new String[] {"400", "404"}) {
            answer(getCustomer, code, "as SimplePin errors", JSON, "SimplePinError");
        }
        problems(getCustomer, "401");

        for (String prefix : new String[] {"/simplepin", "/syntch"}) {
            for (String method : new String[] {"get", "post"}) {
                ObjectNode passthrough = operation(paths, prefix, method, "Any other path below " + prefix
                        + ": forwarded to the vendor as it is, with the gateway's credentials, when gateway.facade.passthrough"
                        + " is true (then the vendor's answer comes back unchanged, or 502 when it cannot be reached)");
                problems(passthrough, "401", "404");
            }
        }

        ObjectNode syntch = operation(paths, "/syntch/customers", "post", "Syntch's PostCustomer, created at gateway.facade.syntch.target");
        body(syntch, JSON, "PostCustomer");
        answer(syntch, "200", "created, as Syntch answers", JSON, "CustomerDetail");
        for (String code : new String[] {"400", "409", "502", "504"}) {
            answer(syntch, code, "refused, as ServiceStack errors", JSON, "ResponseStatus");
        }
        problems(syntch, "401", "413", "415");
        return root;
    }

    private static void letterFilters(ObjectNode operation) {
        query(operation, "vendor", "simplepin or syntch", false);
        query(operation, "state", "WAITING, REPLAYED or DISCARDED", false);
        query(operation, "wayIn", "http, filedrop or esb", false);
        query(operation, "customerId", "the customer's id", false);
        query(operation, "error", "the exact error text (a group's)", false);
        query(operation, "since", "ISO-8601 date-time with offset: letters from then", false);
        query(operation, "until", "ISO-8601 date-time with offset: letters before then", false);
    }

    private void schema(ObjectNode schemas, String name, Class<?> type) {
        ObjectNode schema = generator.generateSchema(type);
        schema.remove("$schema");
        schemas.set(name, schema);
    }

    private ObjectNode operation(ObjectNode paths, String path, String method, String summary) {
        ObjectNode operation = paths.withObject("/" + path.replace("~", "~0").replace("/", "~1")).putObject(method);
        operation.put("summary", summary);
        operation.putObject("responses");
        return operation;
    }

    private static void header(ObjectNode operation, String name, String description) {
        parameter(operation, name, "header", description, false);
    }

    private static void query(ObjectNode operation, String name, String description, boolean required) {
        parameter(operation, name, "query", description, required);
    }

    private static void pathParameter(ObjectNode operation, String name, String description) {
        parameter(operation, name, "path", description, true);
    }

    private static void parameter(ObjectNode operation, String name, String in, String description, boolean required) {
        ArrayNode parameters = operation.withArray("parameters");
        parameters.addObject().put("name", name).put("in", in).put("description", description).put("required", required)
                .putObject("schema").put("type", "string");
    }

    private static ObjectNode body(ObjectNode operation, String mediaType, String schema) {
        ObjectNode body = operation.withObject("/requestBody").put("required", true);
        ObjectNode content = body.withObject("/content").putObject(mediaType);
        if (schema == null) {
            content.putObject("schema").put("type", "object");
        } else {
            content.putObject("schema").put("$ref", "#/components/schemas/" + schema);
        }
        return body;
    }

    private static void answer(ObjectNode operation, String status, String description, String mediaType, String schema) {
        operation.withObject("/responses").putObject(status).put("description", description)
                .putObject("content").putObject(mediaType).putObject("schema").put("$ref", "#/components/schemas/" + schema);
    }

    private static void problems(ObjectNode operation, String... statuses) {
        for (String status : statuses) {
            answer(operation, status, "an RFC 9457 problem", PROBLEM, "Problem");
        }
    }
}
