package org.customergateway.esb;

import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.customergateway.support.Fixtures;

/**
 * A client's fire-and-forget customer on the queue: customer {@code id} (the SimplePin request fixture)
 * for Syntch on customers.in, with no reply queue, so that its result goes to customers.out under its
 * correlation id; {@link #results} reads those results and no one else's.
 */
record FireAndForget(Session session, String id, String correlationId) {

    /** A consumer of this customer's results on customers.out, made before it is sent so that none is missed. */
    MessageConsumer results() throws JMSException {
        return session.createConsumer(session.createQueue("customers.out"), "JMSCorrelationID = '" + correlationId + "'");
    }

    void send() throws JMSException {
        TextMessage message = session.createTextMessage(Fixtures.text("simplepin-request.xml").replace("C-1001", id));
        message.setJMSCorrelationID(correlationId);
        message.setStringProperty("GatewayTarget", "syntch");
        session.createProducer(session.createQueue("customers.in")).send(message);
    }
}
