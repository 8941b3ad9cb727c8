package org.customergateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
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

    public static JsonNode json(HttpResponse<String> response) throws Exception {
        return Fixtures.CODECS.json().readTree(response.body());
    }
}
