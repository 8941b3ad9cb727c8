package org.customergateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.customergateway.dispatch.CircuitGate;
import org.customergateway.dispatch.Continuations;
import org.customergateway.filedrop.FailedFiles;
import org.customergateway.filedrop.FileDrop;
import org.customergateway.filedrop.FileDropStatus;
import org.customergateway.filedrop.InboxGuard;
import org.customergateway.filedrop.RecordReaders;
import org.customergateway.http.FileDropStatusEndpoint;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.translation.Translator;

/** The file drop way in (routes/filedrop-inbox, routes/filedrop-source): its folders and its beans. */
public class FileDropWiring implements CamelConfiguration {

    /** The file drop's inboxes, one file consumer each (routes/filedrop-inbox). */
    private static final String[] INBOXES = {"inbox/simplepin", "inbox/syntch", "inbox/both"};

    @PropertyInject("gateway.filedrop.dir")
    private String fileDropDir;
    @PropertyInject("gateway.filedrop.parallelism")
    private int parallelism;

    /** The folders are there before the inboxes' consumers start. */
    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Path root = Path.of(fileDropDir);
        for (String folder : INBOXES) {
            Files.createDirectories(root.resolve(folder));
        }
        for (String folder : new String[] {"done", "failed", "reports"}) {
            Files.createDirectories(root.resolve(folder));
        }
    }

    @BindToRegistry(value = "fileDropStatus", lazy = true)
    public FileDropStatus fileDropStatus(@PropertyInject("gateway.filedrop.progress-seconds") long progressSeconds) {
        return new FileDropStatus(progressSeconds);
    }

    @BindToRegistry(value = "inboxGuard", lazy = true)
    public InboxGuard inboxGuard(FileDropStatus status) {
        return new InboxGuard(new FailedFiles(Path.of(fileDropDir).resolve("failed"), status));
    }

    /** At most gateway.filedrop.parallelism records in flight, over every file: FileDrop counts them. */
    @BindToRegistry(value = "fileDrop", lazy = true)
    public FileDrop fileDrop(Codecs codecs, Translator translator, DeadLetterStore deadLetters, CircuitGate circuitGate,
            FileDropStatus status, @BeanInject("continuations") Continuations continuations) {
        return new FileDrop(new RecordReaders(codecs, translator), translator, deadLetters, circuitGate,
                Path.of(fileDropDir), status, parallelism, continuations);
    }

    /**
     * The threads that start records (a record holds one while it is read and mapped, until it asks the
     * ledger for its claim; none while it waits for the ledger or its vendor), and one more per inbox: Camel's split reads a file on
     * its pool, and that reading waits there, before the next record, for a place among the records in
     * flight or for an open circuit, without taking a record's thread. Camel's own pool: it stops with
     * Camel, so its threads never keep a stopped gateway alive.
     */
    @BindToRegistry(value = "fileDropPool", lazy = true)
    public ExecutorService fileDropPool(CamelContext camelContext) {
        int threads = parallelism + INBOXES.length;
        return camelContext.getExecutorServiceManager().newThreadPool(this, "filedrop",
                new ThreadPoolProfileBuilder("filedrop").poolSize(threads).maxPoolSize(threads)
                        .maxQueueSize(threads).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
    }

    @BindToRegistry(value = "fileDropStatusEndpoint", lazy = true)
    public FileDropStatusEndpoint fileDropStatusEndpoint(FileDropStatus status, Codecs codecs) {
        return new FileDropStatusEndpoint(status, Path.of(fileDropDir).resolve("reports"), codecs);
    }
}
