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
import org.customergateway.json.Codecs;
import org.customergateway.mapping.SchemaName;
import org.customergateway.syntch.CustomerDetail;
import org.customergateway.syntch.PostCustomer;
import org.customergateway.syntch.ResponseStatus;
import org.customergateway.syntch.SyntchMapper;
import org.customergateway.translation.Translator;

/**
 * {@code POST /syntch/customers}: speaks Syntch's PostCustomer to a Syntch client and creates the
 * customer at {@code gateway.facade.syntch.target}. The answer is a {@code CustomerDetail} made from
 * what the target returned; errors are ServiceStack {@code ResponseStatus} documents with Syntch's
 * field names.
 */
public final class SyntchFacade {

    private static final String JSON = "application/json";

    private final Translator translator;
    private final SyntchMapper mapper;
    private final Codecs codecs;
    private final RequestBody requestBody;
    private final Target target;

    public SyntchFacade(Translator translator, SyntchMapper mapper, Codecs codecs,
                        RequestBody requestBody, Target target) {
        this.translator = translator;
        this.mapper = mapper;
        this.codecs = codecs;
        this.requestBody = requestBody;
        this.target = target;
    }

    /**
     * The PostCustomer read into a dispatch request (not through the ledger: a Syntch client keeps Syntch's
     * own semantics); an unreadable one is an UnreadableRequestException, answered by {@link #unreadable}.
     */
    public DispatchRequest request(Message message) throws IOException {
        RequestBody.requireJson(message, "Syntch's PostCustomer is JSON: send application/json");
        byte[] body = requestBody.bytes(message);
        try {
            PostCustomer request = Codecs.present(codecs.json().readValue(body, PostCustomer.class));
            return new DispatchRequest(SchemaName.SYNTCH, request, target, CorrelationIds.of(message), false,
                    new Origin("http", JSON, body, SafeHeaders.of(message), null), null, false);
        } catch (JsonProcessingException unreadable) {
            throw new UnreadableRequestException("the body is not a PostCustomer: " + Codecs.describe(unreadable),
                    unreadable);
        }
    }

    /** A body that is no PostCustomer, answered 400 as ServiceStack would (a SerializationException). */
    public void unreadable(Message message, Exception unreadable) throws JsonProcessingException {
        reply(message, 400, error("SerializationException", unreadable.getMessage(), List.of()));
    }

    /** The result in the body answered as Syntch would: a CustomerDetail, or a ResponseStatus error. */
    public void reply(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        DispatchResult result = message.getBody(DispatchResult.class);
        PostCustomer request = (PostCustomer) exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class)
                .document();
        Outcome outcome = FacadeAnswer.decisive(result);
        if (outcome.status() == OutcomeStatus.CREATED) {
            reply(message, 200, detail(outcome, request));
            return;
        }
        String code = switch (outcome.status()) {
            case ALREADY_EXISTS -> "Conflict";
            case INVALID, REJECTED -> "ValidationException";
            default -> "ServiceUnavailable";
        };
        String text = outcome.status() == OutcomeStatus.ALREADY_EXISTS
                ? "Customer " + result.customerId() + " already exists at " + outcome.vendor() : outcome.error();
        reply(message, FacadeAnswer.errorStatus(outcome), error(code, text, outcome.violations().stream()
                .map(v -> new ResponseStatus.ResponseError("Invalid", v.field(), v.message())).toList()));
    }

    private CustomerDetail detail(Outcome outcome, PostCustomer request) {
        if (outcome.answer() instanceof CustomerDetail own) {
            return own;
        }
        Long key = outcome.vendorCustomerId() == null ? null : Long.valueOf(outcome.vendorCustomerId());
        Customer created = outcome.answer() != null
                ? translator.schema(SchemaName.SIMPLEPIN).toCanonical(outcome.answer()).value()
                : translator.schema(SchemaName.SYNTCH).toCanonical(request).value();
        return mapper.toDetail(created, key).value();
    }

    /** The gateway's own refusal as Syntch would answer it: a ServiceStack ResponseStatus. */
    public void refuse(Message message, int status, String code, String text) throws JsonProcessingException {
        reply(message, status, error(code, text, List.of()));
    }

    private static ResponseStatus.Envelope error(String code, String message, List<ResponseStatus.ResponseError> errors) {
        return new ResponseStatus.Envelope(new ResponseStatus(code, message, null, errors));
    }

    private void reply(Message message, int status, Object body) throws JsonProcessingException {
        HttpReply.write(message, status, JSON, codecs.json(), body);
    }
}
