package org.customergateway.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Queue throughput: sends N persistent customers to customers.in (no reply-to), then waits for their N
 * results on customers.out, and prints messages per second from the first send to the last result.
 * Run by bench/esb-load.sh; arguments: broker URL, message count.
 */
public final class QueueLoad {

    private QueueLoad() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        String template = Files.readString(Path.of("src/test/resources/fixtures/canonical-customer.json"), StandardCharsets.UTF_8);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer results = session.createConsumer(session.createQueue("customers.out"));
            // sends in transactions of 100: one journal sync per batch, so the load is not the bottleneck
            Session sending = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = sending.createProducer(sending.createQueue("customers.in"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(sending.createTextMessage(template.replace("C-1001", "QL-" + start + "-" + i)));
                if (i % 100 == 99) {
                    sending.commit();
                }
            }
            sending.commit();
            long sent = System.nanoTime();
            int received = 0;
            while (received < count && results.receive(60_000) != null) {
                received++;
            }
            long end = System.nanoTime();
            System.out.printf("sent %d in %.1f s; %d results in %.1f s: %.0f messages/s end to end%n", count,
                    (sent - start) / 1e9, received, (end - start) / 1e9, received / ((end - start) / 1e9));
        }
    }
}
