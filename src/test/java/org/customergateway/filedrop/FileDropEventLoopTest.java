package org.customergateway.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.newId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.customergateway.dispatch.Continuations;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestCustomers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * All of a file's records go on on one event loop (routes/filedrop-source's {@code onItsFilesEventLoop}),
 * whichever of the file drop's threads read them: the gateway's own FileDrop and Continuations, on a
 * Vert.x of two loops.
 */
class FileDropEventLoopTest {

    @TempDir
    static Path drop;
    @TempDir
    Path elsewhere;
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
        Map<String, String> settings = FileDropTest.fileDrop(vendors, drop);
        settings.put("gateway.event-loops", "2");
        return settings;
    });

    @Test
    void every_record_of_a_file_goes_on_on_the_same_event_loop() throws Exception {
        FileDrop fileDrop = gateway.context().getRegistry().lookupByNameAndType("fileDrop", FileDrop.class);
        Continuations continuations = gateway.context().getRegistry().lookupByNameAndType("continuations", Continuations.class);
        StringBuilder csv = new StringBuilder(TestCustomers.CSV_HEADER).append('\n');
        for (int i = 0; i < 8; i++) {
            csv.append(TestCustomers.csvRow(newId(), "Loop Ltd", "ACTIVE", "1 A St")).append('\n');
        }
        // outside the inbox: read here through the file drop's own steps, not picked up by its route
        Path file = Files.writeString(elsewhere.resolve("loops.csv"), csv);
        Exchange fileExchange = new DefaultExchange(gateway.context());
        fileExchange.getMessage().setHeader(Exchange.FILE_PATH, file.toString());
        fileExchange.getMessage().setHeader("GatewayFileTarget", "syntch");

        Iterator<FileRecord> records = fileDrop.open(fileExchange);
        Set<String> loops = new HashSet<>();
        try {
            while (records.hasNext()) {
                Exchange record = fileExchange.copy();
                record.getMessage().setBody(records.next());
                // each record from a thread of its own, as the split's pool hands them out
                Thread reader = new Thread(() -> fileDrop.onItsFilesEventLoop(record));
                reader.start();
                reader.join();
                CompletableFuture<String> ranOn = new CompletableFuture<>();
                continuations.of(record).execute(() -> ranOn.complete(Thread.currentThread().getName()));
                loops.add(ranOn.get(5, TimeUnit.SECONDS));
                fileDrop.recordDone();
            }
        } finally {
            fileDrop.close(fileExchange);
        }
        assertThat(loops).singleElement().asString().startsWith("vert.x-eventloop-thread");
    }
}
