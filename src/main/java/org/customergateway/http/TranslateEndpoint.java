package org.customergateway.http;

import java.io.IOException;
import org.apache.camel.Message;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translation;
import org.customergateway.translation.Translator;

/**
 * {@code POST /api/v1/translate?from=&to=}: a dry run. Answers the mapped body with its warnings
 * (200), or the violations as a problem (422); nothing is sent to any vendor.
 */
public final class TranslateEndpoint {

    private final Translator translator;
    private final Codecs codecs;
    private final RequestBody requestBody;

    public TranslateEndpoint(Translator translator, Codecs codecs, RequestBody requestBody) {
        this.translator = translator;
        this.codecs = codecs;
        this.requestBody = requestBody;
    }

    public void translate(Message message) throws IOException {
        SchemaName from = schemaParameter(message, "from");
        SchemaName to = schemaParameter(message, "to");
        BodyFormat format = RequestBody.format(message);
        Translation translation = translator.translate(from, to, requestBody.bytes(message), format);
        if (!translation.isValid()) {
            throw new ProblemException(Problem.of(422, "invalid-customer", "Invalid customer",
                            "the customer breaks " + translation.violations().size() + " rule(s) of " + to.displayName())
                    .withViolations(translation.violations(), translation.warnings()));
        }
        HttpReply.write(message, 200, "application/json", codecs.json(), translation);
    }

    private static SchemaName schemaParameter(Message message, String name) {
        try {
            return SchemaName.fromId(message.getHeader(name, String.class));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("query parameter '" + name + "': " + e.getMessage());
        }
    }
}
