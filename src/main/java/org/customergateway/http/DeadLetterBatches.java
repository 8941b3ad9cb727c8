package org.customergateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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
 * letters named in {@code ids} or for the waiting letters a filter matches (a group, an outage), the
 * oldest first. Each letter gets a result of its own; one that cannot be replayed does not stop the others.
 */
public final class DeadLetterBatches {

    /** Letters acted on in one request at most; more are replayed by asking again (the answer says how many are left). */
    public static final int MAX_LETTERS = 500;

    /**
     * What a request body names: the letters {@code ids}, or the waiting letters that match a filter (a
     * group is its vendor and error; an outage, its vendor and time), at least one of its fields given.
     */
    public record Selection(List<String> ids, String vendor, String error, String wayIn, String customerId,
                            OffsetDateTime since, OffsetDateTime until) {

        boolean filters() {
            return vendor != null || error != null || wayIn != null || customerId != null || since != null || until != null;
        }
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

    /**
     * The answer: a result per letter, in the order asked, counted by result; and how many waiting
     * letters the filter matched beyond those (0 for letters named by id).
     */
    public record BatchAnswer(int letters, Map<String, Integer> results, List<LetterResult> items, long left) {
    }

    private static final String LEFT = "GatewayLettersLeft";

    private final DeadLetterStore store;
    private final Codecs codecs;
    private final RequestBody requestBody;

    public DeadLetterBatches(DeadLetterStore store, Codecs codecs, RequestBody requestBody) {
        this.store = store;
        this.codecs = codecs;
        this.requestBody = requestBody;
    }

    /** The ids the body selects, for the route to take one at a time. */
    public List<String> select(Exchange exchange) throws SQLException {
        Selection selection = selection(exchange.getMessage());
        if (selection.ids() != null) {
            return List.copyOf(new LinkedHashSet<>(selection.ids()));
        }
        DeadLetterStore.Filter waiting = new DeadLetterStore.Filter(selection.vendor(), DeadLetter.WAITING,
                selection.wayIn(), selection.customerId(), selection.error(), selection.since(), selection.until());
        List<String> ids = store.ids(waiting, MAX_LETTERS);
        exchange.setProperty(LEFT, ids.size() < MAX_LETTERS ? 0 : store.count(waiting) - ids.size());
        return ids;
    }

    private Selection selection(Message message) {
        RequestBody.requireJson(message, "the letters are named in JSON: send application/json");
        byte[] body = requestBody.bytes(message);
        Selection selection;
        try {
            selection = codecs.json().readValue(body, Selection.class);
        } catch (IOException unreadable) {
            selection = null;
        }
        if (selection == null || (selection.ids() == null) == !selection.filters()) {
            throw ProblemException.badRequest("the body names the letters, either {\"ids\": [...]} or a filter of the "
                    + "waiting ones: {\"vendor\", \"error\", \"wayIn\", \"customerId\", \"since\", \"until\"}, at least one of them");
        }
        if (selection.ids() != null && (selection.ids().isEmpty() || selection.ids().size() > MAX_LETTERS)) {
            throw ProblemException.badRequest("'ids' must name from 1 to " + MAX_LETTERS + " dead letters");
        }
        return selection;
    }

    /** One letter's replay came back: replayed when its customer now exists, else it waits on with the new error. */
    public LetterResult replayed(Exchange exchange) throws SQLException {
        String id = exchange.getMessage().getHeader("id", String.class);
        DispatchResult result = exchange.getMessage().getBody(DispatchResult.class);
        boolean created = store.settleReplay(id, result);
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
    public List<LetterResult> discard(Exchange exchange) throws SQLException {
        List<LetterResult> results = new ArrayList<>();
        for (String id : select(exchange)) {
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
                new BatchAnswer(items.size(), counts, items, exchange.getProperty(LEFT, 0L, Long.class)));
    }
}
