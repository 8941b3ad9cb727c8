package org.customergateway.syntch;

import org.customergateway.translation.CustomerSchema;
import org.customergateway.translation.RequestOrAnswer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.customergateway.canonical.Customer;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.Mapped;
import org.customergateway.mapping.ModelValidator;
import org.customergateway.mapping.SchemaName;

/** Syntch's schema: {@code PostCustomer} requests, {@code CustomerDetail} answers. */
public final class SyntchSchema implements CustomerSchema {

    private static final Set<String> ANSWER_ONLY = Set.of("CustomerKey", "CustomerID", "CreationTimestamp",
            "LastUpdateTimestamp");

    private final Codecs codecs;
    private final SyntchMapper mapper;
    private final ModelValidator validator = new ModelValidator(
            new PropertyNamingStrategies.UpperCamelCaseStrategy());
    private final SyntchCreateRules createRules = new SyntchCreateRules();

    public SyntchSchema(Codecs codecs, SyntchMapper mapper) {
        this.codecs = codecs;
        this.mapper = mapper;
    }

    @Override
    public SchemaName name() {
        return SchemaName.SYNTCH;
    }

    @Override
    public Class<?> requestType() {
        return PostCustomer.class;
    }

    @Override
    public boolean holds(Object document) {
        return requestType().isInstance(document) || document instanceof CustomerDetail;
    }

    @Override
    public Object read(byte[] body, BodyFormat format) throws IOException {
        return RequestOrAnswer.read(codecs.mapper(format), body, PostCustomer.class, CustomerDetail.class, ANSWER_ONLY);
    }

    @Override
    public Mapped<Customer> toCanonical(Object document) {
        if (document instanceof CustomerDetail answer) {
            return mapper.toCanonical(answer);
        }
        return mapper.toCanonical((PostCustomer) document);
    }

    @Override
    public Mapped<PostCustomer> fromCanonical(Customer customer) {
        return mapper.toRequest(customer);
    }

    @Override
    public List<FieldMessage> validate(Object request) {
        PostCustomer customer = (PostCustomer) request;
        List<FieldMessage> violations = new ArrayList<>(validator.validate(customer));
        violations.addAll(createRules.check(customer));
        return violations;
    }
}
