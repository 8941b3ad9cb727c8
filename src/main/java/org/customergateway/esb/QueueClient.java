package org.customergateway.esb;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A client for trying the queue way in with nothing but the gateway's jar: sends each file (one customer,
 * any schema, JSON or XML) to {@code customers.in} with a reply queue of its own, and prints each
 * reply (the result) as it comes.
 * <pre>
 * java -cp target/customer-gateway.jar org.customergateway.esb.QueueClient [--broker tcp://127.0.0.1:61616]
 *      [--target simplepin|syntch|both] [--key API-KEY] customer.json...
 * </pre>
 */
public final class QueueClient {

    private QueueClient() {
    }

    public static void main(String... args) throws Exception {
        System.exit(run(System.out, args));
    }

    /** @return 0 when every customer was answered, 1 when one was not within 30 s, 2 on a usage error */
    static int run(PrintStream out, String... args) throws Exception {
        String broker = "tcp://127.0.0.1:61616";
        String target = null;
        String key = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--broker" -> broker = args[++i];
                case "--target" -> target = args[++i];
                case "--key" -> key = args[++i];
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            out.println("usage: QueueClient [--broker URL] [--target simplepin|syntch|both] [--key API-KEY] file...");
            return 2;
        }
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker, key == null ? null : "client", key);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer answers = session.createConsumer(replies);
            for (Path file : files) {
                TextMessage request = session.createTextMessage(Files.readString(file, StandardCharsets.UTF_8));
                request.setJMSReplyTo(replies);
                request.setJMSCorrelationID(file.getFileName().toString());
                if (target != null) {
                    request.setStringProperty(QueueEndpoint.TARGET_HEADER, target);
                }
                session.createProducer(session.createQueue("customers.in")).send(request);
            }
            for (int i = 0; i < files.size(); i++) {
                Message reply = answers.receive(30_000);
                if (reply == null) {
                    out.println("no answer within 30 s (is the gateway running, and its queue entry on?)");
                    return 1;
                }
                out.println(reply.getJMSCorrelationID() + " -> " + ((TextMessage) reply).getText());
            }
        }
        return 0;
    }
}
