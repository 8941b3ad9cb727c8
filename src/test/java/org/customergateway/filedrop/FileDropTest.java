package org.customergateway.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.customergateway.simulation.Fault;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestCustomers;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.api.io.TempDir;

/** The file drop against a real folder and the vendor simulators: files in, customers and reports out. */
class FileDropTest {

    private static final String HEADER = TestCustomers.CSV_HEADER;

    @TempDir
    static Path drop;
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
            Map<String, String> settings = fileDrop(vendors, drop);
            settings.put("gateway.retry.max-attempts", "2");
            return settings;
        });

    /** A gateway on the simulators with its file drop in {@code drop}, polled often, its breakers never open. */
    static Map<String, String> fileDrop(TestVendors vendors, Path drop) {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.filedrop.dir", drop.toString());
        settings.put("gateway.filedrop.settle-ms", "300");
        settings.put("gateway.filedrop.poll-ms", "100");
        settings.putAll(TestVendors.BREAKER_NEVER_OPENS);
        return settings;
    }

    @Test
    void a_csv_with_good_and_bad_rows_creates_the_good_ones_and_reports_every_row() throws Exception {
        String a = newId();
        String b = newId();
        String c = newId();
        String csv = HEADER + "\r\n"
                + row(a, "\"Smith, Jones & \"\"Sons\"\"\"", "ACTIVE", "\"12 Main Street, Rear entrance\"") + "\r\n"
                + row(b, "Sleepy", "SLEEPING", "1 A St") + "\r\n"
                + row(c, "Zoë Café", "PENDING", "2 B St") + "\r\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<String> report = dropAndReport("syntch", "mixed.csv", concat(bom, csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(report).containsExactly(
                "1," + a + ",syntch,CREATED,200," + vendors.syntch.customer(a).customerKey() + ",1,"
                        + "\"since: no place in Syntch, dropped; locale: no place in Syntch, dropped\"",
                "2," + b + ",syntch,INVALID,,,0,\"status: 'SLEEPING' is not one of [PENDING, ACTIVE, INACTIVE, DELETED]\"",
                "3," + c + ",syntch,CREATED,200," + vendors.syntch.customer(c).customerKey() + ",1,"
                        + "\"since: no place in Syntch, dropped; locale: no place in Syntch, dropped\"");
        assertThat(vendors.syntch.customer(a).customerName()).isEqualTo("Smith, Jones & \"Sons\"");
        assertThat(vendors.syntch.customer(a).shippingAddress().streetAddress1()).isEqualTo("12 Main Street, Rear entrance");
        assertThat(vendors.syntch.customer(c).customerName()).isEqualTo("Zoë Café");
        assertThat(drop.resolve("done/mixed.csv")).exists();
    }

    @Test
    void a_refused_row_names_its_customer_when_its_id_was_readable_and_says_why_when_not() throws Exception {
        String readable = newId();
        String csv = HEADER + "\n"
                + row(readable, "Bell\u0007 Ltd", "ACTIVE", "1 A St") + "\n"
                + row(newId() + "\u0007", "Bell Ltd", "ACTIVE", "1 A St") + "\n";
        List<String> report = dropAndReport("syntch", "control.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.get(0)).startsWith("1," + readable + ",syntch,INVALID,").contains("name: control character U+0007");
        assertThat(report.get(1)).startsWith("2,,syntch,INVALID,").contains("customer_id: control character U+0007")
                .contains("no customer id could be read");
    }

    @Test
    void a_customer_syntch_already_has_is_reported_with_why_its_id_is_missing() throws Exception {
        String id = newId();
        dropAndReport("syntch", "first.csv", (HEADER + "\n" + row(id, "First Ltd", "ACTIVE", "1 A St") + "\n").getBytes());
        // the same customer again with another name: past the ledger, and Syntch answers 409 without its key
        List<String> report = dropAndReport("syntch", "second.csv",
                (HEADER + "\n" + row(id, "Renamed Ltd", "ACTIVE", "1 A St") + "\n").getBytes());

        assertThat(report).singleElement().asString().startsWith("1," + id + ",syntch,ALREADY_EXISTS,409,,")
                .contains("syntch did not say its id for this customer it already had (HTTP 409)");
    }

    @Test
    void a_json_array_may_mix_all_three_schemas() throws Exception {
        String canonical = newId();
        String simplePin = newId();
        String syntch = newId();
        String json = "[" + Fixtures.text("canonical-customer.json").replace("C-1001", canonical) + ","
                + Fixtures.text("simplepin-request.json").replace("C-1001", simplePin) + ","
                + Fixtures.text("syntch-postcustomer.json").replace("C-1001", syntch) + "]";
        List<String> report = dropAndReport("syntch", "three.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(report).hasSize(3).allMatch(line -> line.contains(",CREATED,"));
        assertThat(vendors.syntch.customer(canonical)).isNotNull();
        assertThat(vendors.syntch.customer(simplePin).shippingAddress().stateOrProvinceCode()).isEqualTo("ON");
        assertThat(vendors.syntch.customer(syntch).defaultContact().faxNumber()).isEqualTo("+1 416 555 0102");
    }

    @Test
    void a_json_file_may_hold_one_customer_and_an_xml_file_one_or_many() throws Exception {
        String one = newId();
        assertThat(dropAndReport("simplepin", "one.json",
                Fixtures.text("canonical-customer.json").replace("C-1001", one).getBytes())).hasSize(1);
        assertThat(vendors.simplePin.profile(one)).isNotNull();

        String fromXml = newId();
        assertThat(dropAndReport("simplepin", "one.xml",
                Fixtures.text("simplepin-request.xml").replace("C-1001", fromXml).getBytes())).hasSize(1);
        assertThat(vendors.simplePin.profile(fromXml).mainAddress().province()).isEqualTo(60);

        String first = newId();
        String second = newId();
        String many = "<customers>" + Fixtures.text("canonical-customer.xml").replace("C-1001", first)
                + "<unknown/>" + Fixtures.text("simplepin-request.xml").replace("C-1001", second) + "</customers>";
        List<String> report = dropAndReport("simplepin", "many.xml", many.getBytes());
        assertThat(report).hasSize(3).anyMatch(line -> line.startsWith("2,,simplepin,INVALID,")
                && line.contains("<unknown> is no customer element"));
        assertThat(vendors.simplePin.profile(first)).isNotNull();
        assertThat(vendors.simplePin.profile(second)).isNotNull();
    }

    @Test
    void a_file_dropped_again_creates_nothing_twice() throws Exception {
        String id = newId();
        byte[] csv = (HEADER + "\n" + row(id, "Again Ltd", "ACTIVE", "1 A St") + "\n").getBytes();
        dropAndReport("both", "again.csv", csv);
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        int adds = vendors.simplePin.server().requests("POST /v2/customer/add");

        List<String> report = dropAndReport("both", "again.csv", csv);

        assertThat(report).hasSize(2).allMatch(line -> line.contains("already handled, answered from the ledger"));
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts);
        assertThat(vendors.simplePin.server().requests("POST /v2/customer/add")).isEqualTo(adds);
    }

    @Test
    void a_file_that_grows_while_it_is_read_is_failed_with_that_reason_never_moved_to_done() throws Exception {
        String first = newId();
        String late = newId();
        Path file = drop.resolve("inbox/syntch/grows.csv");
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        // Syntch answers slowly: the file is still being read (its record in flight) when more arrives
        vendors.syntch.server().latency(Duration.ofMillis(1500));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n" + row(first, "Early Ltd", "ACTIVE", "1 A St") + "\n").getBytes());
            out.flush();
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                    .until(() -> vendors.syntch.server().requests(POST_CUSTOMERS) > posts);
            out.write((row(late, "Late Ltd", "ACTIVE", "2 B St") + "\n").getBytes());
        } finally {
            vendors.syntch.server().latency(Duration.ZERO);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("failed/grows.csv")));
        assertThat(drop.resolve("done/grows.csv")).doesNotExist();
        assertThat(Files.readString(drop.resolve("failed/grows.csv.error.txt"))).contains("changed while it was read");
        assertThat(Files.readAllLines(drop.resolve("reports/grows.csv.report.csv"))).anyMatch(line -> line.contains(first));
    }

    @Test
    void a_file_still_being_written_is_read_once_whole() throws Exception {
        List<String> ids = List.of(newId(), newId(), newId(), newId());
        Path file = drop.resolve("inbox/syntch/slow.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n").getBytes());
            for (String id : ids) {
                out.write((row(id, "Slow Ltd", "ACTIVE", "1 A St") + "\n").getBytes());
                out.flush();
                // a slow copy: each piece arrives well within the settle time of the last
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(150));
            }
        }
        List<String> report = awaitReport("slow.csv");
        assertThat(report).hasSize(4);
        assertThat(ids).allMatch(id -> vendors.syntch.customer(id) != null);
    }

    @Test
    void a_file_that_cannot_be_read_moves_to_failed_with_the_reason_beside_it() throws Exception {
        Files.writeString(drop.resolve("inbox/syntch/broken.json"), "{\"customerId\": ");
        Path error = drop.resolve("failed/broken.json.error.txt");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(drop.resolve("failed/broken.json")));
        assertThat(Files.readString(error)).contains("broken.json could not be read");

        Files.writeString(drop.resolve("inbox/syntch/wrong-header.csv"), "id,nickname\n1,Ace\n");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(drop.resolve("failed/wrong-header.csv")));
        assertThat(Files.readString(drop.resolve("failed/wrong-header.csv.error.txt"))).contains("nickname");
    }

    @Test
    void report_rows_come_in_record_order_though_records_finish_out_of_order() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 60; i++) {
            // every fifth record waits for a retry, so later ones finish first
            csv.append(row(newId(), "Order " + i, i % 7 == 3 ? "SLEEPING" : "ACTIVE", i + " A St")).append('\n');
        }
        for (int i = 0; i < 12; i++) {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
        }
        List<String> report = dropAndReport("syntch", "order.csv", csv.toString().getBytes());
        assertThat(report).hasSize(60);
        assertThat(report).extracting(line -> Integer.parseInt(line.split(",")[0]))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 60).boxed().toList());
    }

    @Test
    void an_empty_file_fails_with_its_reason_and_does_not_hold_up_the_next() throws Exception {
        Files.write(drop.resolve("inbox/syntch/empty.csv"), new byte[0]);
        List<String> next = dropAndReport("syntch", "after-empty.csv",
                (HEADER + "\n" + row(newId(), "After Empty", "ACTIVE", "1 A St") + "\n").getBytes());
        assertThat(next).singleElement().asString().contains(",CREATED,");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(drop.resolve("failed/empty.csv")));
        assertThat(Files.readString(drop.resolve("failed/empty.csv.error.txt"))).contains("empty");
    }

    @Test
    void a_symbolic_link_is_never_followed_and_moves_to_failed(@TempDir Path elsewhere) throws Exception {
        String secretId = "SECRET-" + newId();
        Path secret = Files.writeString(elsewhere.resolve("secret.csv"), HEADER + "\n" + row(secretId, "Secret", "ACTIVE", "1 A St") + "\n");
        Files.createSymbolicLink(drop.resolve("inbox/syntch/link.csv"), secret);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(drop.resolve("failed/link.csv.error.txt")));
        assertThat(Files.isSymbolicLink(drop.resolve("failed/link.csv"))).as("the link itself moved").isTrue();
        assertThat(Files.readString(drop.resolve("failed/link.csv.error.txt"))).contains("symbolic link");
        assertThat(drop.resolve("reports/link.csv.report.csv")).doesNotExist();
        assertThat(Files.readString(secret)).as("the target untouched").contains(secretId);
        assertThat(vendors.syntch.customer(secretId)).as("nothing of the target was read").isNull();
    }

    @Test
    void a_directory_in_an_inbox_moves_to_failed_with_its_reason() throws Exception {
        Path folder = Files.createDirectories(drop.resolve("inbox/both/a-folder"));
        Files.writeString(folder.resolve("inside.csv"), HEADER + "\n" + row(newId(), "Inside", "ACTIVE", "1 A St") + "\n");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(drop.resolve("failed/a-folder.error.txt")));
        assertThat(drop.resolve("failed/a-folder/inside.csv")).exists();
        assertThat(Files.readString(drop.resolve("failed/a-folder.error.txt"))).contains("directory");
        assertThat(drop.resolve("reports/inside.csv.report.csv")).doesNotExist();
    }

    @Test
    void report_cells_a_spreadsheet_would_run_as_formulas_are_defused() throws Exception {
        String csv = HEADER + "\n" + row("=HYPERLINK(\"\"http://evil\"\")", "Evil", "ACTIVE", "1 A St") + "\n"
                + row("@SUM(A1)", "Evil", "SLEEPING", "1 A St") + "\n";
        List<String> report = dropAndReport("syntch", "formulas.csv", csv.getBytes());
        assertThat(report).anyMatch(line -> line.startsWith("1,\"'=HYPERLINK("));
        assertThat(report).noneMatch(line -> line.contains(",=") || line.contains(",@"));
    }

    @Test
    void a_record_no_vendor_took_is_reported_failed_and_kept_as_a_dead_letter() throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));
        List<String> report = dropAndReport("syntch", "failing.csv",
                (HEADER + "\n" + row(id, "Down Ltd", "ACTIVE", "1 A St") + "\n").getBytes());
        assertThat(report).singleElement().asString().contains(",FAILED,").contains("dead letter");
        String letters = gateway.get("/api/v1/dead-letters?vendor=syntch&size=500").body();
        assertThat(letters).contains(id).contains("\"wayIn\":\"filedrop\"");
    }

    @Test
    void the_status_endpoint_tells_what_was_read() throws Exception {
        dropAndReport("syntch", "status.csv", (HEADER + "\n" + row(newId(), "Status Ltd", "ACTIVE", "1 A St") + "\n").getBytes());
        String status = gateway.get("/api/v1/filedrop/status").body();
        assertThat(status).contains("\"file\":\"status.csv\"").contains("\"records\":1").contains("\"finished\":true");
    }

    private static List<String> dropAndReport(String target, String name, byte[] content) throws IOException {
        Path report = drop.resolve("reports/" + name + ".report.csv");
        Files.deleteIfExists(report);
        Files.deleteIfExists(drop.resolve("done/" + name));
        Path staging = drop.resolve("." + name);
        Files.write(staging, content);
        Files.move(staging, drop.resolve("inbox/" + target + "/" + name));
        return awaitReport(name);
    }

    /** The report's lines once the file is done, without the header, as written. */
    private static List<String> awaitReport(String name) throws IOException {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("done/" + name)));
        List<String> lines = Files.readAllLines(drop.resolve("reports/" + name + ".report.csv"));
        assertThat(lines.get(0)).isEqualTo(FileReport.HEADER);
        return lines.subList(1, lines.size());
    }

    private static String row(String id, String name, String status, String line1) {
        return TestCustomers.csvRow(id, name, status, line1);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
