package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import java.lang.reflect.InvocationTargetException;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.Idempotency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place an exception becomes an HTTP answer: an RFC 9457 problem document. Routes opt in
 * through the {@code http-problems} route configuration. Messages name the offending field and never
 * echo the body back (a rejected XML entity, for one, is never expanded into the answer).
 */
public final class HttpProblems {

    private static final Logger LOG = LoggerFactory.getLogger(HttpProblems.class);

    private final Codecs codecs;

    public HttpProblems(Codecs codecs) {
        this.codecs = codecs;
    }

    public void respond(Exchange exchange) throws JsonProcessingException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Problem problem = toProblem(error);
        if (problem.status() >= 500) {
            LOG.error("Request failed", error);
        }
        HttpReply.write(exchange.getMessage(), problem.status(), Problem.MEDIA_TYPE, codecs.json(), problem);
    }

    static Problem toProblem(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ProblemException known) {
            return known.problem();
        }
        // the ledger's answer to a reused key, however deep in the dispatch route it was raised
        for (Throwable each = error; each != null; each = each.getCause()) {
            if (each instanceof Idempotency.KeyReusedException || each instanceof Idempotency.StillInProgressException) {
                return Problem.of(409, "idempotency-conflict", "Conflict", each.getMessage());
            }
        }
        if (cause instanceof StreamConstraintsException limit) {
            return Problem.of(400, "malformed-body", "Malformed body", "the body exceeds a read limit: "
                    + limit.getOriginalMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problem.of(400, "unknown-property", "Unknown property",
                    "unknown property '" + unknown.getPropertyName() + "'" + at(unknown)
                            + "; known properties: " + unknown.getKnownPropertyIds().stream()
                            .map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (cause instanceof JsonMappingException wrongType) {
            return Problem.of(400, "wrong-type", "Wrong type", wrongType.getOriginalMessage() + at(wrongType));
        }
        if (cause instanceof JsonProcessingException malformed) {
            return Problem.of(400, "malformed-body", "Malformed body", malformed.getOriginalMessage());
        }
        return Problem.of(500, "internal-error", "Internal error",
                "the gateway could not handle this request; the error is in its log");
    }

    private static String at(JsonMappingException e) {
        String path = Codecs.pathOf(e);
        return path.isEmpty() ? "" : " at " + path;
    }

    /**
     * Looks through Camel's and reflection's wrappers only: a parsing error that the gateway itself hit
     * deeper down (reading its own ledger, say) stays what it is, a 500, not the caller's 400.
     */
    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof RuntimeCamelException || current instanceof InvocationTargetException)
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
