package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customergateway.canonical.Customer;
import org.customergateway.dispatch.DispatchProperties;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.FacadeAnswer;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.OutcomeStatus;
import org.customergateway.dispatch.Target;
import org.customergateway.dispatch.UnreadableRequestException;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.SchemaName;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.simplepin.CCProfileV2Model;
import org.customergateway.simplepin.LocalizedProfile;
import org.customergateway.simplepin.SimplePinError.FieldError;
import org.customergateway.simplepin.SimplePinError;
import org.customergateway.simplepin.SimplePinMapper;
import org.customergateway.translation.Translator;

/**
 * {@code POST /simplepin/v2/customer/add}: speaks SimplePin's add to a SimplePin client, in the JSON or
 * XML it sent, and creates the customer at {@code gateway.facade.simplepin.target}. The answer is a
 * {@code CCProfileV2Model} made from what the target returned; errors are {@link SimplePinError}s with
 * SimplePin's field names.
 */
public final class SimplePinFacade {

    private final Translator translator;
    private final SimplePinMapper mapper;
    private final Codecs codecs;
    private final RequestBody requestBody;
    private final Target target;

    public SimplePinFacade(Translator translator, SimplePinMapper mapper, Codecs codecs,
                           RequestBody requestBody, Target target) {
        this.translator = translator;
        this.mapper = mapper;
        this.codecs = codecs;
        this.requestBody = requestBody;
        this.target = target;
    }

    /**
     * The add read into a dispatch request (not through the ledger: a SimplePin client keeps SimplePin's
     * own semantics); an unreadable one is an UnreadableRequestException, answered by {@link #unreadable}.
     */
    public DispatchRequest request(Message message) throws IOException {
        BodyFormat format = requestFormat(message);
        byte[] body = requestBody.bytes(message);
        try {
            LocalizedProfile request = new LocalizedProfile(Codecs.present(codecs.mapper(format).readValue(body,
                    CCProfileApiV2Model.class)), message.getHeader("locale", String.class));
            return new DispatchRequest(SchemaName.SIMPLEPIN, request, target, CorrelationIds.of(message), false,
                    new Origin("http", format.mediaType(), body, SafeHeaders.of(message), null), null, false);
        } catch (JsonProcessingException unreadable) {
            throw new UnreadableRequestException("the body is not a CCProfileApiV2Model: " + Codecs.describe(unreadable),
                    unreadable);
        }
    }

    /** A body that is no CCProfileApiV2Model, answered 400 as SimplePin would, in the format it came in. */
    public void unreadable(Message message, Exception unreadable) throws JsonProcessingException {
        reply(message, 400, requestFormat(message), new SimplePinError(unreadable.getMessage(), List.of()));
    }

    private static BodyFormat requestFormat(Message message) {
        return RequestBody.format(message) == BodyFormat.XML ? BodyFormat.XML : BodyFormat.JSON;
    }

    /** The result in the body answered as SimplePin would, in the client's format: a CCProfileV2Model or an error. */
    public void reply(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        DispatchResult result = message.getBody(DispatchResult.class);
        DispatchRequest dispatched = exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        LocalizedProfile request = (LocalizedProfile) dispatched.document();
        BodyFormat format = dispatched.origin().contentType().contains("xml") ? BodyFormat.XML : BodyFormat.JSON;
        Outcome outcome = FacadeAnswer.decisive(result);
        if (outcome.status() == OutcomeStatus.CREATED) {
            reply(message, 201, format, profile(outcome, request));
        } else {
            reply(message, FacadeAnswer.errorStatus(outcome), format, new SimplePinError(
                    outcome.status() == OutcomeStatus.ALREADY_EXISTS
                            ? "customer " + result.customerId() + " already exists at " + outcome.vendor()
                            : outcome.error(),
                    outcome.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList()));
        }
    }

    private CCProfileV2Model profile(Outcome outcome, LocalizedProfile request) {
        if (outcome.answer() instanceof CCProfileV2Model own) {
            return own;
        }
        Long id = outcome.vendorCustomerId() == null ? null : Long.valueOf(outcome.vendorCustomerId());
        Customer created = outcome.answer() != null
                ? translator.schema(SchemaName.SYNTCH).toCanonical(outcome.answer()).value()
                : translator.schema(SchemaName.SIMPLEPIN).toCanonical(request).value();
        return mapper.toProfile(created, id).value();
    }

    /**
     * The gateway's own refusal as SimplePin would answer it: a SimplePin error, in XML when the client
     * accepts XML only (SimplePin has no error codes: the code is left out).
     */
    public void refuse(Message message, int status, String code, String text) throws JsonProcessingException {
        String accept = message.getHeader("Accept", String.class);
        BodyFormat format = accept != null && accept.contains("xml") && !accept.contains("json") ? BodyFormat.XML : BodyFormat.JSON;
        reply(message, status, format, new SimplePinError(text, List.of()));
    }

    private void reply(Message message, int status, BodyFormat format, Object body) throws JsonProcessingException {
        HttpReply.write(message, status, format.mediaType(), codecs.writer(format), body);
    }
}
