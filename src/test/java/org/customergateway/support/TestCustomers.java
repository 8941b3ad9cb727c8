package org.customergateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Customers for tests that talk to the vendors: each with an id no other test uses. */
public final class TestCustomers {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private TestCustomers() {
    }

    public static String newId() {
        return "T-" + RUN + "-" + IDS.incrementAndGet();
    }

    /** The canonical fixture customer under this id, as JSON bytes. */
    public static byte[] customer(String id) {
        return Fixtures.text("canonical-customer.json").replace("C-1001", id).getBytes();
    }

    /** The canonical CSV's header line. */
    public static final String CSV_HEADER = String.join(",", org.customergateway.canonical.CanonicalCsv.COLUMNS);

    /** A canonical CSV record with a contact and a shipping address in Toronto. */
    public static String csvRow(String id, String name, String status, String line1) {
        // customer_id,name,status,since,locale,merchant_key,first..fax (9),ship (7),bill (7)
        return id + "," + name + "," + status + ",2024-03-01T09:30:00.000Z,en,4711,Ada,Lovelace,,,ada@acme.test,,,,,"
                + line1 + ",,,Toronto,ON,M5V 2T6,CAN,,,,,,,";
    }

    /**
     * A canonical CSV of that many new customers, named {@code <name> 0..rows-1}, written beside the file
     * drop's folders and moved whole into {@code inboxFile} (e.g. "inbox/syntch/paced.csv").
     */
    public static void dropCsv(Path dropDir, String inboxFile, String name, int rows) throws IOException {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            csv.append(csvRow(newId(), name + " " + i, "ACTIVE", i + " Main Street")).append('\n');
        }
        Path written = dropDir.resolve("." + Path.of(inboxFile).getFileName());
        Files.writeString(written, csv);
        Files.move(written, dropDir.resolve(inboxFile));
    }

    public static JsonNode json(HttpResponse<String> response) throws Exception {
        return Fixtures.CODECS.json().readTree(response.body());
    }
}
