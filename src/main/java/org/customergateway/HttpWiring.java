package org.customergateway;

import static org.apache.camel.support.CamelContextHelper.mandatoryLookup;

import java.util.Map;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Predicate;
import org.apache.camel.PropertyInject;
import org.customergateway.auth.KeyRing;
import org.customergateway.dispatch.CustomerMemory;
import org.customergateway.dispatch.Target;
import org.customergateway.http.ApiKeys;
import org.customergateway.http.ConsoleAssets;
import org.customergateway.http.CustomerLookupEndpoint;
import org.customergateway.http.CustomersEndpoint;
import org.customergateway.http.DeadLetterBatches;
import org.customergateway.http.DeadLettersEndpoint;
import org.customergateway.http.HeadersFromHeadersOnly;
import org.customergateway.http.HttpProblems;
import org.customergateway.http.OpenApiEndpoint;
import org.customergateway.http.RequestBody;
import org.customergateway.http.SchemaEndpoint;
import org.customergateway.http.ServerErrorsAsProblems;
import org.customergateway.http.SimplePinFacade;
import org.customergateway.http.SimplePinFacadeLookups;
import org.customergateway.http.SyntchFacade;
import org.customergateway.http.TranslateEndpoint;
import org.customergateway.http.VendorPassthrough;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.simplepin.CurrentGeography;
import org.customergateway.simplepin.SimplePinMapper;
import org.customergateway.simplepin.SimplePinSettings;
import org.customergateway.syntch.SyntchCredentials;
import org.customergateway.syntch.SyntchMapper;
import org.customergateway.translation.Translator;

/** The HTTP way in (the API bound from openapi.yaml, the vendor facades, the passthrough, the console's files). */
public class HttpWiring implements CamelConfiguration {

    /** Failures no route answered (a 500 of Camel's own) still leave as problem+json. */
    @Override
    public void configure(CamelContext camelContext) throws Exception {
        camelContext.addStartupListener(new ServerErrorsAsProblems(mandatoryLookup(camelContext, "codecs", Codecs.class)));
    }

    /** The inbound API keys (gateway.auth.api-keys): the HTTP guard's, and the embedded broker's client passwords. */
    @BindToRegistry(value = "keyRing", lazy = true)
    public KeyRing keyRing(@PropertyInject("gateway.auth.api-keys") String apiKeys) {
        return KeyRing.of(apiKeys);
    }

    @BindToRegistry(value = "apiKeys", lazy = true)
    public ApiKeys apiKeys(KeyRing keys) {
        return new ApiKeys(keys);
    }

    @BindToRegistry(value = "headersFromHeadersOnly", lazy = true)
    public HeadersFromHeadersOnly headersFromHeadersOnly() {
        return new HeadersFromHeadersOnly();
    }

    @BindToRegistry(value = "httpProblems", lazy = true)
    public HttpProblems httpProblems(Codecs codecs) {
        return new HttpProblems(codecs);
    }

    /** How every endpoint reads a request's body: at most gateway.http.max-body-bytes. */
    @BindToRegistry(value = "requestBody", lazy = true)
    public RequestBody requestBody(@PropertyInject("gateway.http.max-body-bytes") long maxBodyBytes) {
        return new RequestBody(maxBodyBytes);
    }

    @BindToRegistry(value = "translateEndpoint", lazy = true)
    public TranslateEndpoint translateEndpoint(Translator translator, Codecs codecs, RequestBody requestBody) {
        return new TranslateEndpoint(translator, codecs, requestBody);
    }

    @BindToRegistry(value = "schemaEndpoint", lazy = true)
    public SchemaEndpoint schemaEndpoint(Codecs codecs) throws Exception {
        return new SchemaEndpoint(codecs);
    }

    @BindToRegistry(value = "openApiEndpoint", lazy = true)
    public OpenApiEndpoint openApiEndpoint(Codecs codecs) throws Exception {
        return new OpenApiEndpoint(codecs);
    }

    @BindToRegistry(value = "customersEndpoint", lazy = true)
    public CustomersEndpoint customersEndpoint(Translator translator, Codecs codecs, RequestBody requestBody,
            @PropertyInject("gateway.default-target") String defaultTarget) {
        return new CustomersEndpoint(translator, codecs, requestBody, Target.parse(defaultTarget));
    }

    /**
     * The route's question, read through the ref language: a method: expression would copy the whole
     * exchange for every customer.
     */
    @BindToRegistry(value = "csvBatch", lazy = true)
    public Predicate csvBatch(CustomersEndpoint customers) {
        return exchange -> customers.isBatch(exchange.getMessage());
    }

    @BindToRegistry(value = "deadLettersEndpoint", lazy = true)
    public DeadLettersEndpoint deadLettersEndpoint(DeadLetterStore deadLetters, Translator translator, Codecs codecs) {
        return new DeadLettersEndpoint(deadLetters, translator, codecs);
    }

    @BindToRegistry(value = "deadLetterBatches", lazy = true)
    public DeadLetterBatches deadLetterBatches(DeadLetterStore deadLetters, Codecs codecs, RequestBody requestBody) {
        return new DeadLetterBatches(deadLetters, codecs, requestBody);
    }

    @BindToRegistry(value = "customerLookupEndpoint", lazy = true)
    public CustomerLookupEndpoint customerLookupEndpoint(CustomerMemory customers, Codecs codecs) {
        return new CustomerLookupEndpoint(customers, codecs);
    }

    @BindToRegistry(value = "simplePinFacadeLookups", lazy = true)
    public SimplePinFacadeLookups simplePinFacadeLookups(CurrentGeography tables, CustomerMemory customers,
            SimplePinMapper mapper, SimplePinSettings settings, Codecs codecs,
            @PropertyInject("gateway.facade.simplepin.target") String target) {
        return new SimplePinFacadeLookups(tables, customers, mapper, settings, codecs, Target.parse(target));
    }

    @BindToRegistry(value = "simplePinFacade", lazy = true)
    public SimplePinFacade simplePinFacade(Translator translator, SimplePinMapper mapper, Codecs codecs,
            RequestBody requestBody, @PropertyInject("gateway.facade.simplepin.target") String target) {
        return new SimplePinFacade(translator, mapper, codecs, requestBody, Target.parse(target));
    }

    @BindToRegistry(value = "syntchFacade", lazy = true)
    public SyntchFacade syntchFacade(Translator translator, SyntchMapper mapper, Codecs codecs, RequestBody requestBody,
            @PropertyInject("gateway.facade.syntch.target") String target) {
        return new SyntchFacade(translator, mapper, codecs, requestBody, Target.parse(target));
    }

    /** The vendors' other operations, passed through with the gateway's own credentials when gateway.facade.passthrough is on. */
    @BindToRegistry(value = "vendorPassthrough", lazy = true)
    public VendorPassthrough vendorPassthrough(SimplePinFacade simplePinFacade, SyntchFacade syntchFacade,
            SyntchCredentials syntch, @PropertyInject("gateway.facade.passthrough") boolean passthrough,
            @PropertyInject("gateway.simplepin.api-key") String simplePinApiKey) {
        return new VendorPassthrough(passthrough, Map.of(
                "simplepin", new VendorPassthrough.Vendor("/simplepin", Map.of("X-Api-Key", simplePinApiKey),
                        simplePinFacade::refuse),
                "syntch", new VendorPassthrough.Vendor("/syntch", Map.of("Authorization", syntch.authorization()),
                        syntchFacade::refuse)));
    }

    @BindToRegistry(value = "consoleAssets", lazy = true)
    public ConsoleAssets consoleAssets() {
        return new ConsoleAssets();
    }
}
