package org.customergateway;

import static org.customergateway.Wiring.bind;
import static org.customergateway.Wiring.blankToNull;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.TransformerKey;
import org.customergateway.mapping.SchemaName;
import org.customergateway.dispatch.VendorModelTransformer;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.ops.Tracing;
import org.customergateway.simplepin.CurrentGeography;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.SimplePinLookups;
import org.customergateway.simplepin.SimplePinMapper;
import org.customergateway.simplepin.SimplePinSettings;
import org.customergateway.syntch.ActivationStatus;
import org.customergateway.syntch.SyntchCredentials;
import org.customergateway.syntch.SyntchMapper;
import org.customergateway.syntch.SyntchSettings;
import org.customergateway.translation.CanonicalSchema;
import org.customergateway.translation.Translator;
import org.customergateway.simplepin.SimplePinSchema;
import org.customergateway.syntch.SyntchSchema;

/** The gateway's wiring, by area: checks, tracing and the mapping here; then {@link LedgerWiring},
 * {@link VendorWiring} and {@link WaysInWiring}, in that order (GatewayMain adds them so). Beans are named as
 * the routes in {@code routes/} refer to them; every value comes from application.properties. */
public class GatewayConfiguration implements CamelConfiguration {

    @PropertyInject("gateway.mappings-dir")
    private String mappingsDir;
    @PropertyInject("gateway.simplepin.api-key")
    private String simplePinApiKey;
    @PropertyInject("gateway.simplepin.format")
    private String simplePinFormat;
    @PropertyInject("gateway.simplepin.locale")
    private String simplePinLocale;
    @PropertyInject("gateway.simplepin.lookups")
    private String simplePinLookups;
    @PropertyInject("gateway.syntch.merchant-key")
    private String syntchMerchantKey;
    @PropertyInject("gateway.syntch.default-activation-status")
    private String syntchDefaultActivationStatus;
    @PropertyInject("gateway.syntch.username")
    private String syntchUsername;
    @PropertyInject("gateway.syntch.password")
    private String syntchPassword;
    @PropertyInject("gateway.syntch.api-key")
    private String syntchApiKey;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Registry registry = camelContext.getRegistry();
        RenamedKeys.refuse(camelContext.getPropertiesComponent().loadProperties(), System.getProperties(), System.getenv());
        String profile = camelContext.resolvePropertyPlaceholders("{{camel.main.profile:sandbox}}");
        if ("prod".equals(profile)) {
            ProdRequirements.check(key -> camelContext.resolvePropertyPlaceholders("{{" + key + ":}}"));
        }
        Tracing.enableIfAsked(camelContext, name -> EnvironmentOverrides.setting(name.toLowerCase(Locale.ROOT).replace('_', '.')));
        // Camel looks the custom mask up under this name when camel.main.log-mask is on
        registry.bind(MaskingFormatter.CUSTOM_LOG_MASK_REF, SensitiveFields.formatter(camelContext));

        // mapping
        Codecs codecs = bind(registry, "codecs", new Codecs());
        SimplePinSettings simplePin = new SimplePinSettings(simplePinApiKey,
                BodyFormat.valueOf(simplePinFormat.trim().toUpperCase(Locale.ROOT)), blankToNull(simplePinLocale));
        SimplePinGeography geography = SimplePinGeography.fromSnapshot(Path.of(mappingsDir));
        CurrentGeography tables = bind(registry, "simplePinTables", new CurrentGeography(geography));
        // read by routes/simplepin-tables-source when gateway.simplepin.lookups is live
        requireKnownLookups();
        bind(registry, "simplePinLookups", new SimplePinLookups(codecs, simplePin));
        FieldPaths fieldPaths = FieldPaths.load(Path.of(mappingsDir));
        SimplePinMapper simplePinMapper = new SimplePinMapper(tables);
        SyntchMapper syntchMapper = new SyntchMapper(new SyntchSettings(
                syntchMerchantKey.isBlank() ? null : Integer.valueOf(syntchMerchantKey.trim()),
                ActivationStatus.parse(syntchDefaultActivationStatus)));
        Translator translator = bind(registry, "translator",
                new Translator(fieldPaths, new CanonicalSchema(codecs),
                        new SimplePinSchema(codecs, simplePinMapper), new SyntchSchema(codecs, syntchMapper)));

        bind(registry, "simplePinSettings", simplePin);
        bind(registry, "simplePinGeography", geography);
        bind(registry, "fieldPaths", fieldPaths);
        bind(registry, "simplePinMapper", simplePinMapper);
        bind(registry, "syntchMapper", syntchMapper);
        bind(registry, "syntchCredentials", new SyntchCredentials(syntchUsername, syntchPassword, blankToNull(syntchApiKey)));
        camelContext.getTransformerRegistry().put(new TransformerKey(new DataType(VendorModelTransformer.SIMPLEPIN)),
                new VendorModelTransformer(translator, SchemaName.SIMPLEPIN));
        camelContext.getTransformerRegistry().put(new TransformerKey(new DataType(VendorModelTransformer.SYNTCH)),
                new VendorModelTransformer(translator, SchemaName.SYNTCH));
    }

    private void requireKnownLookups() {
        if (!simplePinLookups.equals("live") && !simplePinLookups.equals("snapshot")) {
            throw new StartRefused("gateway.simplepin.lookups must be snapshot or live, not " + simplePinLookups);
        }
    }
}
