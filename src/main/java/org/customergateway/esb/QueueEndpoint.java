package org.customergateway.esb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customergateway.dispatch.CircuitGate;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.OutcomeStatus;
import org.customergateway.dispatch.Target;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.SchemaSniffer;
import org.customergateway.translation.Translator;

/**
 * A customer arriving as a message (routes/esb-source, or {@code direct:customer-gateway} in-process):
 * one customer in any of the three schemas, JSON or XML, its target in the {@code GatewayTarget} header.
 * The body is replaced by the result; a message that cannot be read, or whose customer a vendor
 * could not take, is poison: {@link PoisonMessageException}, with the customer kept as a dead letter.
 */
public final class QueueEndpoint {

    public static final String TARGET_HEADER = "GatewayTarget";
    public static final String STATUS_HEADER = "GatewayStatus";
    public static final String REASON_HEADER = "GatewayDeadLetterReason";

    /** Artemis's property for a message delivered no sooner than this epoch millisecond. */
    static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

    private final Translator translator;
    private final DeadLetterStore deadLetters;
    private final int maxWaitingConsumers;
    private final long setAsideMillis;
    private final CircuitGate circuits;
    private final Codecs codecs;
    private final Target defaultTarget;

    public QueueEndpoint(Translator translator, DeadLetterStore deadLetters, CircuitGate circuits, Codecs codecs,
                         Target defaultTarget, int maxWaitingConsumers, long setAsideMillis) {
        this.maxWaitingConsumers = maxWaitingConsumers;
        this.setAsideMillis = setAsideMillis;
        this.circuits = circuits;
        this.translator = translator;
        this.deadLetters = deadLetters;
        this.codecs = codecs;
        this.defaultTarget = defaultTarget;
    }

    /**
     * Backpressure: while a target vendor's circuit is open the consumer waits here (its message stays
     * unacknowledged on the broker) instead of making the backlog poison.
     */
    public void awaitCircuits(Exchange exchange) throws InterruptedException {
        Target target = targetOf(exchange.getMessage());
        if (target != null) {
            circuits.awaitClosed(target);
        }
    }

    /**
     * Whether this message's vendor has its circuit open and enough consumers wait for it already
     * ({@code gateway.esb.max-waiting-consumers}): then it is put aside rather than waited for, so that
     * the other consumers keep serving customers for a healthy vendor.
     */
    public boolean crowded(Exchange exchange) {
        Target target = targetOf(exchange.getMessage());
        return target != null && circuits.crowded(target, maxWaitingConsumers);
    }

    /**
     * The message made ready to go back on the queue for later ({@code gateway.esb.set-aside-ms}, as an
     * Artemis scheduled delivery): the same body and headers, reply queue and correlation id (the one
     * it has, or its message id), and no reply now.
     */
    public void setAside(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader("JMSCorrelationID", correlationId(message));
        message.setHeader(SCHEDULED_DELIVERY, System.currentTimeMillis() + setAsideMillis);
        exchange.setPattern(org.apache.camel.ExchangePattern.InOnly);
    }

    /** The message's target, or null for a header that names none (poison: request says why). */
    private Target targetOf(Message message) {
        String header = message.getHeader(TARGET_HEADER, String.class);
        try {
            return header == null || header.isBlank() ? defaultTarget : Target.parse(header);
        } catch (IllegalArgumentException unknownTarget) {
            return null;
        }
    }

    /**
     * The message read into the request {@code direct:customer-dispatch} takes; one that cannot be read is
     * poison, kept as a dead letter first.
     */
    public DispatchRequest request(Exchange exchange) {
        Message message = exchange.getMessage();
        byte[] body = message.getBody(byte[].class);
        String correlationId = correlationId(message);
        Target target = target(message.getHeader(TARGET_HEADER, String.class), body, correlationId);
        BodyFormat format = body != null && startsWithAngle(body) ? BodyFormat.XML : BodyFormat.JSON;
        SchemaName schema;
        Object document;
        try {
            schema = schemaOf(body, format);
            document = translator.schema(schema).read(body, format);
        } catch (IOException | RuntimeException unreadable) {
            throw poison("the message is not a customer in a schema the gateway reads: " + firstLine(unreadable),
                    body, format, target, correlationId);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TARGET_HEADER, target.id());
        headers.put("correlationId", correlationId);
        message.setHeader("JMSCorrelationID", correlationId);
        return new DispatchRequest(schema, document, target, correlationId, false,
                new Origin("esb", format.mediaType(), body, headers, null),
                message.getHeader("IdempotencyKey", String.class), true);
    }

    /** The result in the body becomes the reply: JSON, with its status. An in-process caller gets failures too. */
    public void result(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        DispatchResult result = message.getBody(DispatchResult.class);
        message.setBody(codecs.json().writeValueAsString(result));
        message.setHeader(STATUS_HEADER, result.httpStatus());
    }

    /** As {@link #result}, and a customer a vendor could not take is poison (each kept as a dead letter already). */
    public void reply(Exchange exchange) throws JsonProcessingException {
        DispatchResult result = exchange.getMessage().getBody(DispatchResult.class);
        result(exchange);
        if (result.outcomes().stream().anyMatch(o -> o.status() == OutcomeStatus.FAILED)) {
            throw new PoisonMessageException("a vendor could not take the customer: " + result.outcomes().stream()
                    .filter(o -> o.status() == OutcomeStatus.FAILED).map(o -> o.vendor() + ": " + o.error())
                    .reduce((a, b) -> a + "; " + b).orElse(""));
        }
    }

    /** A message whose key was used before with another customer is poison too, kept as a dead letter. */
    public void keepPoison(Exchange exchange) {
        Message message = exchange.getMessage();
        Throwable why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // the customer as it came, which the request keeps (the body is the request by now): JSON or XML, so text
        byte[] body = message.getBody() instanceof DispatchRequest request ? request.origin().body()
                : message.getBody(byte[].class);
        message.setBody(body == null ? null : new String(body, StandardCharsets.UTF_8));
        String header = message.getHeader(TARGET_HEADER, String.class);
        Target target = header == null || header.isBlank() ? defaultTarget : Target.parse(header);
        poison(why.getMessage(), body, body != null && startsWithAngle(body) ? BodyFormat.XML : BodyFormat.JSON, target,
                correlationId(message));
        message.setHeader(REASON_HEADER, why.getMessage());
    }

    private SchemaName schemaOf(byte[] body, BodyFormat format) throws IOException {
        if (body == null || body.length == 0) {
            throw new IOException("the message is empty");
        }
        if (format == BodyFormat.JSON) {
            JsonNode tree = codecs.json().readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new IOException("a message holds one customer object");
            }
            return SchemaSniffer.ofJson(tree);
        }
        try {
            XMLStreamReader reader = codecs.xml().getFactory().getXMLInputFactory()
                    .createXMLStreamReader(new java.io.ByteArrayInputStream(body));
            reader.nextTag();
            SchemaName schema = SchemaSniffer.ofXmlElement(reader.getLocalName());
            if (schema == null) {
                throw new IOException("<" + reader.getLocalName() + "> is no customer element");
            }
            return schema;
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Target target(String header, byte[] body, String correlationId) {
        if (header == null || header.isBlank()) {
            return defaultTarget;
        }
        try {
            return Target.parse(header);
        } catch (IllegalArgumentException e) {
            throw poison("header " + TARGET_HEADER + ": " + e.getMessage(), body, BodyFormat.JSON, defaultTarget, correlationId);
        }
    }

    /** Keeps an unreadable message in the dead letters too, so that nothing that arrived is lost. */
    private PoisonMessageException poison(String reason, byte[] body, BodyFormat format, Target target, String correlationId) {
        try {
            deadLetters.store("esb", target.id(), "unknown", format.mediaType(), body == null ? new byte[0] : body,
                    Map.of(TARGET_HEADER, target.id()), null, correlationId, reason, 0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("a poison message could not be kept as a dead letter", e);
        }
        return new PoisonMessageException(reason);
    }

    private static String correlationId(Message message) {
        String given = message.getHeader("JMSCorrelationID", String.class);
        if (given == null || given.isBlank()) {
            given = message.getHeader("JMSMessageID", String.class);
        }
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }

    private static boolean startsWithAngle(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '<';
            }
        }
        return false;
    }

    private static String firstLine(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.split("\n")[0];
    }
}
