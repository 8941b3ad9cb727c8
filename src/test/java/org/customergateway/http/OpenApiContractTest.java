package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.customergateway.canonical.Customer;
import org.customergateway.dispatch.BatchResult;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.filedrop.FileDropStatus;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetter;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.simplepin.CCProfileV2Model;
import org.customergateway.simplepin.SimplePinError;
import org.customergateway.simplepin.SimplePinLookupEntries;
import org.customergateway.syntch.CustomerDetail;
import org.customergateway.syntch.PostCustomer;
import org.customergateway.syntch.ResponseStatus;
import org.customergateway.translation.Translation;
import org.junit.jupiter.api.Test;

/**
 * The contract's schemas are the models' own: each schema of openapi.yaml is what victools generates
 * from the model the endpoints read or write, with the same limits. A model changed without its
 * schema fails here, with the schema to paste into the contract.
 */
class OpenApiContractTest {

    /** The model behind each schema of the contract's components. */
    private static final Map<String, Class<?>> MODELS = models();

    private static Map<String, Class<?>> models() {
        Map<String, Class<?>> models = new LinkedHashMap<>();
        models.put("Customer", Customer.class);
        models.put("CCProfileApiV2Model", CCProfileApiV2Model.class);
        models.put("CCProfileV2Model", CCProfileV2Model.class);
        models.put("SimplePinError", SimplePinError.class);
        models.put("PostCustomer", PostCustomer.class);
        models.put("CustomerDetail", CustomerDetail.class);
        models.put("ResponseStatus", ResponseStatus.Envelope.class);
        models.put("DispatchResult", DispatchResult.class);
        models.put("BatchResult", BatchResult.class);
        models.put("Translation", Translation.class);
        models.put("Problem", Problem.class);
        models.put("DeadLetter", DeadLetter.class);
        models.put("DeadLetterPage", DeadLetterStore.Page.class);
        models.put("DeadLetterGroups", DeadLettersEndpoint.Groups.class);
        models.put("DeadLetterSelection", DeadLetterBatches.Selection.class);
        models.put("DeadLetterBatchAnswer", DeadLetterBatches.BatchAnswer.class);
        models.put("Vendors", VendorsEndpoint.Vendors.class);
        models.put("FileDropStatus", FileDropStatus.Snapshot.class);
        models.put("Whereabouts", CustomerLookupEndpoint.Whereabouts.class);
        models.put("SimplePinCountries", SimplePinLookupEntries.CountryEntry[].class);
        models.put("SimplePinProvinces", SimplePinLookupEntries.ProvinceEntry[].class);
        return models;
    }

    private final Codecs codecs = new Codecs();
    private final JsonNode contract = OpenApiEndpoint.read();
    private final SchemaGenerator victools = new SchemaGenerator(new SchemaGeneratorConfigBuilder(codecs.json(),
            SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
            .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                    JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
            .with(Option.INLINE_ALL_SCHEMAS, Option.EXTRA_OPEN_API_FORMAT_VALUES)
            .build());

    @Test
    void every_schema_of_the_contract_is_its_models_schema() throws Exception {
        JsonNode schemas = contract.at("/components/schemas");
        assertThat(schemas.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrderElementsOf(MODELS.keySet());
        List<String> parted = new ArrayList<>();
        for (Map.Entry<String, Class<?>> model : MODELS.entrySet()) {
            ObjectNode generated = victools.generateSchema(model.getValue());
            generated.remove("$schema");
            if (!generated.equals(schemas.get(model.getKey()))) {
                parted.add(model.getKey() + " is now:\n" + new YAMLMapper().writeValueAsString(generated));
            }
        }
        assertThat(parted).as("schemas of openapi.yaml that their models no longer give").isEmpty();
    }

    @Test
    void every_operation_names_the_route_that_serves_it() {
        List<String> unnamed = new ArrayList<>();
        contract.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getValue().path("operationId").isTextual()) {
                unnamed.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertThat(unnamed).isEmpty();
    }
}
