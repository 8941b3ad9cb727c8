package org.customergateway.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Target;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetter;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.mapping.SchemaName;
import org.customergateway.simplepin.LocalizedProfile;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.translation.Translator;

/**
 * The dead letters over HTTP: {@code GET /api/v1/dead-letters} (paged, by vendor, state and date),
 * {@code GET} and {@code DELETE /api/v1/dead-letters/{id}}, and {@code POST .../{id}/replay}, which sends
 * the customer again, through the ledger's idempotency, and marks the letter replayed once it is created.
 */
public final class DeadLettersEndpoint {

    private static final int MAX_PAGE_SIZE = 500;

    private final DeadLetterStore store;
    private final Translator translator;
    private final Codecs codecs;

    public DeadLettersEndpoint(DeadLetterStore store, Translator translator, Codecs codecs) {
        this.store = store;
        this.translator = translator;
        this.codecs = codecs;
    }

    public void list(Message message) throws IOException, SQLException {
        int page = intParameter(message, "page", 0, Integer.MAX_VALUE);
        int size = intParameter(message, "size", 50, MAX_PAGE_SIZE);
        HttpReply.write(message, 200, "application/json", codecs.json(), store.list(filter(message, null), page, size));
    }

    /**
     * {@code GET /api/v1/dead-letter-groups}: the letters grouped by vendor and error text, newest group
     * first; waiting letters unless {@code state} says otherwise.
     */
    public void groups(Message message) throws IOException, SQLException {
        HttpReply.write(message, 200, "application/json", codecs.json(),
                new Groups(store.groups(filter(message, DeadLetter.WAITING))));
    }

    /** The answer of the groups endpoint. */
    public record Groups(java.util.List<DeadLetterStore.Group> groups) {
    }

    /** The query's filter: vendor, state, wayIn, customerId, error, since, until. */
    static DeadLetterStore.Filter filter(Message message, String defaultState) {
        String state = text(message, "state");
        return new DeadLetterStore.Filter(text(message, "vendor"), state == null ? defaultState : state,
                text(message, "wayIn"), text(message, "customerId"), text(message, "error"),
                time(message, "since"), time(message, "until"));
    }

    private static String text(Message message, String name) {
        String value = message.getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code GET /api/v1/dead-letters/{id}}: the letter, its body included. */
    public void letter(Message message) throws IOException, SQLException {
        HttpReply.write(message, 200, "application/json", codecs.json(), existing(message.getHeader("id", String.class)));
    }

    /** {@code DELETE /api/v1/dead-letters/{id}}: a waiting letter discarded (204); any other is a 409. */
    public void discard(Message message) throws IOException, SQLException {
        String id = message.getHeader("id", String.class);
        DeadLetter letter = existing(id);
        if (!store.discard(id)) {
            throw notWaiting(letter);
        }
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
    }

    /**
     * A waiting letter read back into a dispatch request, to its vendor, keyed by the letter and its try:
     * two replays at once dispatch once; a replay after a failed replay is a new try.
     */
    public DispatchRequest replayRequest(Message message) throws IOException, SQLException {
        String id = message.getHeader("id", String.class);
        DeadLetter letter = existing(id);
        if (!DeadLetter.WAITING.equals(letter.state())) {
            throw notWaiting(letter);
        }
        SchemaName schema = SchemaName.fromId(letter.sourceSchema());
        BodyFormat format = BodyFormat.fromContentType(letter.contentType());
        byte[] body = letter.body().getBytes(StandardCharsets.UTF_8);
        Object document = translator.schema(schema).read(body, format);
        if (document instanceof CCProfileApiV2Model profile) {
            document = new LocalizedProfile(profile, letter.headers().get("locale"));
        }
        return new DispatchRequest(schema, document, Target.parse(letter.vendor()), CorrelationIds.of(message), false,
                new Origin(letter.wayIn(), letter.contentType(), body, letter.headers(), id),
                id + ":" + letter.attempts(), true);
    }

    /** The replay's result in the body as the answer; the letter is marked replayed once its customer exists. */
    public void replayed(Exchange exchange) throws IOException, SQLException {
        Message message = exchange.getMessage();
        DispatchResult result = message.getBody(DispatchResult.class);
        store.settleReplay(message.getHeader("id", String.class), result);
        HttpReply.write(message, result.httpStatus(), "application/json", codecs.json(), result);
    }

    /** Another replay of the same letter is still running. */
    public void stillReplaying(Exchange exchange) {
        throw new ProblemException(Problem.of(409, "replay-in-progress", "Conflict",
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class).getMessage()));
    }

    private DeadLetter existing(String id) throws SQLException {
        DeadLetter letter = id == null ? null : store.find(id);
        if (letter == null) {
            throw new ProblemException(Problem.of(404, "dead-letter-not-found", "Not found", "no dead letter " + id));
        }
        return letter;
    }

    static ProblemException notWaiting(DeadLetter letter) {
        return new ProblemException(Problem.of(409, "dead-letter-not-waiting", "Conflict",
                "dead letter " + letter.id() + " is " + letter.state() + ", not WAITING"));
    }

    private static int intParameter(Message message, String name, int fallback, int max) {
        String value = message.getHeader(name, String.class);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0 || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("query parameter '" + name + "' must be a whole number from 0 to " + max);
        }
    }

    private static OffsetDateTime time(Message message, String name) {
        String value = message.getHeader(name, String.class);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("query parameter '" + name + "' must be an ISO-8601 date-time with offset");
        }
    }
}
