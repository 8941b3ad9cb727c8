package org.customergateway.translation;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.customergateway.canonical.CanonicalNormaliser;
import org.customergateway.canonical.Customer;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.Mapped;
import org.customergateway.mapping.SchemaName;

/** The canonical schema: read, normalised (alpha-3 countries, bare region codes), no vendor rules. */
public final class CanonicalSchema implements CustomerSchema {

    private final Codecs codecs;
    private final CanonicalNormaliser normaliser = new CanonicalNormaliser();

    public CanonicalSchema(Codecs codecs) {
        this.codecs = codecs;
    }

    @Override
    public SchemaName name() {
        return SchemaName.CANONICAL;
    }

    @Override
    public Class<?> requestType() {
        return Customer.class;
    }

    @Override
    public Object read(byte[] body, BodyFormat format) throws IOException {
        return Codecs.present(codecs.mapper(format).readValue(body, Customer.class));
    }

    @Override
    public Mapped<Customer> toCanonical(Object document) {
        return normaliser.normalise((Customer) document);
    }

    @Override
    public Mapped<Customer> fromCanonical(Customer customer) {
        return new Mapped<>(customer, List.of(), List.of(), Map.of());
    }

    @Override
    public List<FieldMessage> validate(Object request) {
        return List.of();
    }
}
