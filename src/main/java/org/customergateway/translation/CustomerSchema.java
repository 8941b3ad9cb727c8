package org.customergateway.translation;

import java.io.IOException;
import java.util.List;
import org.customergateway.canonical.Customer;
import org.customergateway.json.BodyFormat;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.Mapped;
import org.customergateway.mapping.SchemaName;

/**
 * One of the three customer schemas, seen the same way by the translator and every way in: read a
 * document, bring it to canonical, make a create request from canonical, check a create request.
 */
public interface CustomerSchema {

    SchemaName name();

    /** The model of a create request in this schema; its JSON Schema is published. */
    Class<?> requestType();

    /** Whether a document read in memory is one of this schema (its request, or its vendor's answer). */
    default boolean holds(Object document) {
        return requestType().isInstance(document);
    }

    /**
     * Reads a document of this schema: a create request, or the vendor's answer when the content says
     * so (SimplePin's {@code cc_profile_model}, Syntch's {@code CustomerDetail}).
     */
    Object read(byte[] body, BodyFormat format) throws IOException;

    /** Warnings and violations are named in this schema's own paths. */
    Mapped<Customer> toCanonical(Object document);

    /** Warnings and violations are named in canonical paths. */
    Mapped<?> fromCanonical(Customer customer);

    /** The target's rules for a create, named in this schema's own paths. */
    List<FieldMessage> validate(Object request);
}
