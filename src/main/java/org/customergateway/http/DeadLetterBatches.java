package org.customergateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetter;
import org.customergateway.ledger.DeadLetterStore;

/**
 * Many dead letters at once: {@code POST /api/v1/dead-letters/replay} and {@code .../discard}, for the
 * letters named in {@code ids} or for a whole group ({@code vendor} and {@code error}, waiting letters,
 * the oldest first). Each letter gets a result of its own; one that cannot be replayed does not stop the others.
 */
public final class DeadLetterBatches {

    /** Letters acted on in one request at most; a larger group is replayed in several (the answer says how many are left). */
    public static final int MAX_LETTERS = 500;

    /** What the selection in a request body names. */
    public record Selection(List<String> ids, String vendor, String error) {
    }

    /** What happened to one letter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LetterResult(String id, String result, String detail, DispatchResult dispatch) {

        public static final String REPLAYED = "REPLAYED";
        public static final String FAILED_AGAIN = "FAILED_AGAIN";
        public static final String DISCARDED = "DISCARDED";
        public static final String NOT_WAITING = "NOT_WAITING";
        public static final String NOT_FOUND = "NOT_FOUND";
        public static final String IN_PROGRESS = "IN_PROGRESS";
    }

    /** The answer: a result per letter, in the order asked, counted by result. */
    public record BatchAnswer(int letters, Map<String, Integer> results, List<LetterResult> items) {
    }

    private final DeadLetterStore store;
    private final Codecs codecs;
    private final RequestBody requestBody;

    public DeadLetterBatches(DeadLetterStore store, Codecs codecs, RequestBody requestBody) {
        this.store = store;
        this.codecs = codecs;
        this.requestBody = requestBody;
    }

    /** The ids the body selects, for the route to take one at a time. */
    public List<String> select(Message message) throws IOException, SQLException {
        Selection selection = selection(message);
        return selection.ids() != null
                ? selection.ids()
                : store.ids(new DeadLetterStore.Filter(selection.vendor(), DeadLetter.WAITING, null, null,
                selection.error(), null, null), MAX_LETTERS);
    }

    private Selection selection(Message message) throws IOException {
        JsonNode body;
        try {
            body = codecs.json().readTree(requestBody.bytes(message));
        } catch (IOException e) {
            throw ProblemException.badRequest("the body must be JSON: {\"ids\": [...]} or {\"vendor\": ..., \"error\": ...}");
        }
        if (body != null && body.path("ids").isArray()) {
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            body.path("ids").forEach(id -> ids.add(id.asText()));
            if (ids.isEmpty() || ids.size() > MAX_LETTERS) {
                throw ProblemException.badRequest("'ids' must name from 1 to " + MAX_LETTERS + " dead letters");
            }
            return new Selection(List.copyOf(ids), null, null);
        }
        if (body != null && body.path("vendor").isTextual() && body.path("error").isTextual()) {
            return new Selection(null, body.path("vendor").asText(), body.path("error").asText());
        }
        throw ProblemException.badRequest("the body must name the letters: {\"ids\": [...]} or a group {\"vendor\": ..., \"error\": ...}");
    }

    /** One letter's replay came back: replayed when its customer now exists, else it waits on with the new error. */
    public LetterResult replayed(Exchange exchange) throws IOException, SQLException {
        String id = exchange.getMessage().getHeader("id", String.class);
        DispatchResult result = exchange.getMessage().getBody(DispatchResult.class);
        boolean created = DeadLettersEndpoint.settle(store, codecs, id, result);
        return new LetterResult(id, created ? LetterResult.REPLAYED : LetterResult.FAILED_AGAIN, null, result);
    }

    /** One letter could not be replayed at all (gone, no longer waiting, or being replayed right now). */
    public LetterResult notReplayed(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error instanceof ProblemException problem) {
            return new LetterResult(id, problem.problem().status() == 404 ? LetterResult.NOT_FOUND : LetterResult.NOT_WAITING,
                    problem.problem().detail(), null);
        }
        return new LetterResult(id, LetterResult.IN_PROGRESS, error == null ? null : error.getMessage(), null);
    }

    /** Discards each selected letter that is waiting. */
    public List<LetterResult> discard(Exchange exchange) throws IOException, SQLException {
        List<LetterResult> results = new ArrayList<>();
        for (String id : select(exchange.getMessage())) {
            DeadLetter letter = store.find(id);
            if (letter == null) {
                results.add(new LetterResult(id, LetterResult.NOT_FOUND, "no dead letter " + id, null));
            } else if (store.discard(id)) {
                results.add(new LetterResult(id, LetterResult.DISCARDED, null, null));
            } else {
                results.add(new LetterResult(id, LetterResult.NOT_WAITING, DeadLettersEndpoint.notWaiting(letter)
                        .problem().detail(), null));
            }
        }
        return results;
    }

    /** The per-letter results in the body written as the answer (200: each letter says how it went). */
    public void answer(Exchange exchange) throws IOException {
        @SuppressWarnings("unchecked")
        List<LetterResult> items = exchange.getMessage().getBody(List.class);
        Map<String, Integer> counts = new TreeMap<>();
        items.forEach(item -> counts.merge(item.result(), 1, Integer::sum));
        HttpReply.write(exchange.getMessage(), 200, "application/json", codecs.json(),
                new BatchAnswer(items.size(), counts, items));
    }
}
