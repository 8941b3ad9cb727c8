package org.customergateway.simplepin;

import org.customergateway.translation.CustomerSchema;
import org.customergateway.translation.RequestOrAnswer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.customergateway.canonical.Customer;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.Mapped;
import org.customergateway.mapping.ModelValidator;
import org.customergateway.mapping.SchemaName;

/** SimplePin's schema: {@code CCProfileApiV2Model} requests, {@code CCProfileV2Model} answers. */
public final class SimplePinSchema implements CustomerSchema {

    private static final Set<String> ANSWER_ONLY = Set.of("id", "status", "version", "billing_address_id",
            "billing_address_models", "billing_address_model");

    private final Codecs codecs;
    private final SimplePinMapper mapper;
    private final ModelValidator validator = new ModelValidator(
            new PropertyNamingStrategies.SnakeCaseStrategy());

    public SimplePinSchema(Codecs codecs, SimplePinMapper mapper) {
        this.codecs = codecs;
        this.mapper = mapper;
    }

    @Override
    public SchemaName name() {
        return SchemaName.SIMPLEPIN;
    }

    @Override
    public Class<?> requestType() {
        return CCProfileApiV2Model.class;
    }

    @Override
    public boolean holds(Object document) {
        return requestType().isInstance(document) || document instanceof LocalizedProfile || document instanceof CCProfileV2Model;
    }

    @Override
    public Object read(byte[] body, BodyFormat format) throws IOException {
        return RequestOrAnswer.read(codecs.mapper(format), body, CCProfileApiV2Model.class, CCProfileV2Model.class,
                ANSWER_ONLY);
    }

    @Override
    public Mapped<Customer> toCanonical(Object document) {
        if (document instanceof CCProfileV2Model answer) {
            return mapper.toCanonical(answer);
        }
        if (document instanceof LocalizedProfile localized) {
            return mapper.toCanonical(localized.profile(), localized.locale());
        }
        return mapper.toCanonical((CCProfileApiV2Model) document, null);
    }

    @Override
    public Mapped<CCProfileApiV2Model> fromCanonical(Customer customer) {
        return mapper.toRequest(customer);
    }

    @Override
    public List<FieldMessage> validate(Object request) {
        return validator.validate(request);
    }
}
