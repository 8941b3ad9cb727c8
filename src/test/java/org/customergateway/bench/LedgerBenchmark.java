package org.customergateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.customergateway.ledger.IdempotencyStore;
import org.customergateway.ledger.LedgerDatabase;
import org.customergateway.ledger.LedgerWriter;
import org.customergateway.support.Fixtures;

/**
 * The ledger alone, as a customer uses it: a claim, then the result recorded (two writes, each waited
 * for until committed), with the result document a CREATED customer leaves. Embedded SQLite and
 * PostgreSQL; 1 and 32 callers at once; group commit off (a commit per write), on without linger
 * (the default: batches form from what queued during the last commit) and on with a 200 µs linger.
 * Also the CPU this process spent per customer (for SQLite that is the whole ledger's cost). Prints µs of wall clock per customer and, for SQLite, the file's bytes per
 * customer. Run with {@code bench/ledger.sh}; figures in BENCHMARKS.md.
 */
public final class LedgerBenchmark {

    private static final String RESULT = Fixtures.text("ledger-result.json");

    private LedgerBenchmark() {
    }

    public static void main(String... args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("ledger-bench");
        List<String> urls = new ArrayList<>(List.of("sqlite"));
        if (postgresAnswers()) {
            urls.add("postgresql");
        }
        System.out.println("engine      callers  group commit        us/customer  cpu us/customer  bytes/customer");
        for (String engine : urls) {
            for (int callers : new int[] {1, 32}) {
                for (int linger : new int[] {-1, 0, 200}) {
                    run(engine, dir, customers, callers, linger);
                }
            }
        }
    }

    /** @param lingerMicros -1: no group commit (a commit per write) */
    private static void run(String engine, Path dir, int customers, int callers, int lingerMicros) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Path file = dir.resolve(schema + ".db");
        String url = engine.equals("sqlite") ? "jdbc:sqlite:" + file
                : "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
        if (engine.equals("postgresql")) {
            execute("CREATE SCHEMA " + schema);
        }
        LedgerDatabase database = new LedgerDatabase(url, engine.equals("postgresql") ? "postgres" : "", "", 40);
        LedgerWriter writer = new LedgerWriter(database.dataSource(), lingerMicros < 0 ? 1 : 64,
                Duration.ofNanos(Math.max(0, lingerMicros) * 1000L));
        writer.start();
        IdempotencyStore store = new IdempotencyStore(writer, Duration.ofSeconds(15));
        try {
            // warm-up, then the measured run on fresh keys
            work(store, "warm", Math.min(2_000, customers), callers);
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            work(store, "run", customers, callers);
            double micros = (System.nanoTime() - started) / 1_000.0 / customers;
            double cpuMicros = (processCpuNanos() - cpuStarted) / 1_000.0 / customers;
            String bytes = "-";
            if (engine.equals("sqlite")) {
                try (Connection connection = database.dataSource().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                bytes = String.valueOf(Files.size(file) / (customers + Math.min(2_000, customers)));
            }
            String mode = lingerMicros < 0 ? "off" : "on, " + lingerMicros + " us linger";
            System.out.printf("%-11s %7d  %-18s  %11.1f  %15.1f  %14s%n", engine, callers, mode, micros, cpuMicros, bytes);
        } finally {
            writer.stop();
            database.stop();
            if (engine.equals("postgresql")) {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** Each customer: a claim, then its result, as the gateway does around a vendor call. */
    private static void work(IdempotencyStore store, String prefix, int customers, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int each = customers / callers;
            for (int c = 0; c < callers; c++) {
                int caller = c;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String key = "derived:syntch:" + prefix + "-" + caller + "-" + i + ":"
                                + UUID.randomUUID().toString().replace("-", "") + "0123456789abcdef0123456789abcdef";
                        store.claim(key, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "bench/1/abcd1234",
                                Duration.ofMinutes(2), Duration.ofHours(24)).get();
                        store.complete(key, "bench/1/abcd1234", 201, RESULT).get();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** CPU of this whole process (the callers, the writer, the JDBC driver; PostgreSQL's own is not in it). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static boolean postgresAnswers() {
        try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
