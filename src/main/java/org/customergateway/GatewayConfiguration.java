package org.customergateway;

import java.nio.file.Path;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;
import org.customergateway.http.HttpProblems;
import org.customergateway.http.RequestBody;
import org.customergateway.http.SchemaEndpoint;
import org.customergateway.http.ServerErrorsAsProblems;
import org.customergateway.http.TranslateEndpoint;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.syntch.ActivationStatus;
import org.customergateway.syntch.SyntchSettings;
import org.customergateway.translation.Translator;

/** The gateway's beans, named as the routes in {@code routes/} refer to them, fed from application.properties. */
public class GatewayConfiguration implements CamelConfiguration {

    @PropertyInject("gateway.mappings-dir")
    private String mappingsDir;

    @PropertyInject(value = "gateway.syntch.merchant-key", defaultValue = "")
    private String syntchMerchantKey;

    @PropertyInject("gateway.syntch.default-activation-status")
    private String syntchDefaultActivationStatus;

    @PropertyInject("gateway.http.max-body-bytes")
    private long maxBodyBytes;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        camelContext.addStartupListener(new ServerErrorsAsProblems());
    }

    @BindToRegistry
    public Codecs codecs() {
        return new Codecs();
    }

    @BindToRegistry
    public SimplePinGeography simplePinGeography() {
        return SimplePinGeography.fromSnapshot(Path.of(mappingsDir));
    }

    @BindToRegistry
    public Translator translator(Codecs codecs, SimplePinGeography geography) {
        SyntchSettings syntch = new SyntchSettings(
                syntchMerchantKey.isBlank() ? null : Integer.valueOf(syntchMerchantKey.trim()),
                ActivationStatus.parse(syntchDefaultActivationStatus));
        return Translator.forAllSchemas(codecs, geography, FieldPaths.load(Path.of(mappingsDir)), syntch);
    }

    @BindToRegistry
    public TranslateEndpoint translateEndpoint(Translator translator, Codecs codecs) {
        return new TranslateEndpoint(translator, codecs, new RequestBody(maxBodyBytes));
    }

    @BindToRegistry
    public SchemaEndpoint schemaEndpoint(Translator translator, Codecs codecs) {
        return new SchemaEndpoint(translator, codecs);
    }

    @BindToRegistry
    public HttpProblems httpProblems(Codecs codecs) {
        return new HttpProblems(codecs);
    }
}
