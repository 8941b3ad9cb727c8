package org.customergateway;

import static org.apache.camel.support.CamelContextHelper.mandatoryLookup;
import static org.customergateway.Wiring.blankToNull;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.spi.TransformerKey;
import org.customergateway.dispatch.VendorModelTransformer;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.mapping.SchemaName;
import org.customergateway.ops.Tracing;
import org.customergateway.simplepin.CurrentGeography;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.SimplePinLookups;
import org.customergateway.simplepin.SimplePinMapper;
import org.customergateway.simplepin.SimplePinSchema;
import org.customergateway.simplepin.SimplePinSettings;
import org.customergateway.syntch.ActivationStatus;
import org.customergateway.syntch.SyntchCredentials;
import org.customergateway.syntch.SyntchMapper;
import org.customergateway.syntch.SyntchSchema;
import org.customergateway.syntch.SyntchSettings;
import org.customergateway.translation.CanonicalSchema;
import org.customergateway.translation.Translator;

/**
 * The gateway's wiring, by area: the start's checks, tracing and the mapping here; the ledger
 * ({@link LedgerWiring}), the vendors ({@link VendorWiring}) and the ways in ({@link HttpWiring},
 * {@link FileDropWiring}, {@link QueueWiring}, {@link OperatorWiring}) in theirs. Beans are named as the
 * routes in {@code routes/} refer to them; every value comes from application.properties.
 */
public class GatewayConfiguration implements CamelConfiguration {

    @PropertyInject("gateway.mappings-dir")
    private String mappingsDir;
    @PropertyInject("gateway.simplepin.lookups")
    private String simplePinLookups;

    /** Runs first (GatewayMain adds this area first): a start that must be refused is refused before anything is made. */
    @Override
    public void configure(CamelContext camelContext) throws Exception {
        RenamedKeys.refuse(camelContext.getPropertiesComponent().loadProperties(), System.getProperties(), System.getenv());
        String profile = camelContext.resolvePropertyPlaceholders("{{camel.main.profile:sandbox}}");
        if ("prod".equals(profile)) {
            ProdRequirements.check(key -> camelContext.resolvePropertyPlaceholders("{{" + key + ":}}"));
        }
        if (!simplePinLookups.equals("live") && !simplePinLookups.equals("snapshot")) {
            throw new StartRefused("gateway.simplepin.lookups must be snapshot or live, not " + simplePinLookups);
        }
        DirectBeanSteps.install(camelContext);
        Tracing.enableIfAsked(camelContext, name -> EnvironmentOverrides.setting(name.toLowerCase(Locale.ROOT).replace('_', '.')));
        // Camel looks the custom mask up under this name when camel.main.log-mask is on
        camelContext.getRegistry().bind(MaskingFormatter.CUSTOM_LOG_MASK_REF, SensitiveFields.formatter(camelContext));
        // transformDataType: simplepin:CCProfileApiV2Model and syntch:PostCustomer in the sinks
        Translator translator = mandatoryLookup(camelContext, "translator", Translator.class);
        camelContext.getTransformerRegistry().put(new TransformerKey(new DataType(VendorModelTransformer.SIMPLEPIN)),
                new VendorModelTransformer(translator, SchemaName.SIMPLEPIN));
        camelContext.getTransformerRegistry().put(new TransformerKey(new DataType(VendorModelTransformer.SYNTCH)),
                new VendorModelTransformer(translator, SchemaName.SYNTCH));
    }

    @BindToRegistry(value = "codecs", lazy = true)
    public Codecs codecs() {
        return new Codecs();
    }

    @BindToRegistry(value = "simplePinSettings", lazy = true)
    public SimplePinSettings simplePinSettings(@PropertyInject("gateway.simplepin.api-key") String apiKey,
            @PropertyInject("gateway.simplepin.format") String format,
            @PropertyInject("gateway.simplepin.locale") String locale) {
        return new SimplePinSettings(apiKey, BodyFormat.valueOf(format.trim().toUpperCase(Locale.ROOT)), blankToNull(locale));
    }

    /** SimplePin's countries and provinces as the snapshot in mappings/ has them. */
    @BindToRegistry(value = "simplePinGeography", lazy = true)
    public SimplePinGeography simplePinGeography() {
        return SimplePinGeography.fromSnapshot(Path.of(mappingsDir));
    }

    /** The tables the mapping reads: the snapshot, replaced by routes/simplepin-tables-source when lookups are live. */
    @BindToRegistry(value = "simplePinTables", lazy = true)
    public CurrentGeography simplePinTables(SimplePinGeography snapshot) {
        return new CurrentGeography(snapshot);
    }

    @BindToRegistry(value = "simplePinLookups", lazy = true)
    public SimplePinLookups simplePinLookups(Codecs codecs, SimplePinSettings settings) {
        return new SimplePinLookups(codecs, settings);
    }

    @BindToRegistry(value = "fieldPaths", lazy = true)
    public FieldPaths fieldPaths() {
        return FieldPaths.load(Path.of(mappingsDir));
    }

    @BindToRegistry(value = "simplePinMapper", lazy = true)
    public SimplePinMapper simplePinMapper(CurrentGeography tables) {
        return new SimplePinMapper(tables);
    }

    @BindToRegistry(value = "syntchMapper", lazy = true)
    public SyntchMapper syntchMapper(@PropertyInject("gateway.syntch.merchant-key") String merchantKey,
            @PropertyInject("gateway.syntch.default-activation-status") String defaultActivationStatus) {
        return new SyntchMapper(new SyntchSettings(merchantKey.isBlank() ? null : Integer.valueOf(merchantKey.trim()),
                ActivationStatus.parse(defaultActivationStatus)));
    }

    @BindToRegistry(value = "syntchCredentials", lazy = true)
    public SyntchCredentials syntchCredentials(@PropertyInject("gateway.syntch.username") String username,
            @PropertyInject("gateway.syntch.password") String password,
            @PropertyInject("gateway.syntch.api-key") String apiKey) {
        return new SyntchCredentials(username, password, blankToNull(apiKey));
    }

    @BindToRegistry(value = "translator", lazy = true)
    public Translator translator(FieldPaths fieldPaths, Codecs codecs, SimplePinMapper simplePinMapper,
            SyntchMapper syntchMapper) {
        return new Translator(fieldPaths, new CanonicalSchema(codecs), new SimplePinSchema(codecs, simplePinMapper),
                new SyntchSchema(codecs, syntchMapper));
    }
}
