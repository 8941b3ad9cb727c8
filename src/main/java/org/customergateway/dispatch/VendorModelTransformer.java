package org.customergateway.dispatch;

import org.apache.camel.Message;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translation;
import org.customergateway.translation.Translator;

/**
 * A Camel data type transformer to one vendor's model, so that any route can
 * {@code transformDataType: {toType: "syntch:PostCustomer"}} (or {@code simplepin:CCProfileApiV2Model}) a customer:
 * a {@link DispatchRequest}, or a customer of any of the three schemas read into its model. The body becomes
 * the vendor's model; the whole {@link Translation} (warnings, violations) is kept in the exchange property
 * {@value DispatchProperties#TRANSLATION}, and whether it meets the vendor's rules in {@value DispatchProperties#VALID}.
 * (Plain properties for the routes to test: a Simple expression calling into a record would hash the whole
 * record, customer and all, for Camel's method cache on every message.)
 */
public final class VendorModelTransformer extends Transformer {

    public static final String SIMPLEPIN = "simplepin:CCProfileApiV2Model";
    public static final String SYNTCH = "syntch:PostCustomer";

    private final Translator translator;
    private final SchemaName target;

    public VendorModelTransformer(Translator translator, SchemaName target) {
        this.translator = translator;
        this.target = target;
    }

    @Override
    public void transform(Message message, DataType from, DataType to) {
        Object body = message.getBody();
        Translation translation = body instanceof DispatchRequest request
                ? translator.translate(request.schema(), target, request.document())
                : translator.translate(translator.schemaOf(body), target, body);
        message.getExchange().setProperty(DispatchProperties.TRANSLATION, translation);
        message.getExchange().setProperty(DispatchProperties.VALID, translation.isValid());
        message.setBody(translation.body());
    }
}
