package org.customergateway.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person starting the gateway needs to know, in a few lines once it serves: its version and
 * profile, where it listens, which ways in are on, where its data lives, which vendors it talks to.
 */
public final class StartupReport implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    /** @param queue the queue's consumer URI and the broker, or null when the queue entry is off */
    public record Facts(String profile, int apiPort, int managementPort, Path fileDrop, String queue, String ledger,
                        String simplePin, String syntch, boolean simulators) {
    }

    private final Facts facts;

    public StartupReport(Facts facts) {
        this.facts = facts;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // said once everything serves: onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        for (String line : lines()) {
            LOG.info(line);
        }
    }

    List<String> lines() {
        String version = StartupReport.class.getPackage().getImplementationVersion();
        List<String> lines = new ArrayList<>();
        lines.add("customer-gateway " + (version == null ? "(development build)" : version) + ", profile "
                + facts.profile() + ": API and facades on :" + facts.apiPort() + ", health and metrics on :"
                + facts.managementPort() + " (/observe/health, /observe/metrics)");
        lines.add("ways in: HTTP (/api/v1/customers, /simplepin, /syntch); file drop "
                + facts.fileDrop().toAbsolutePath().resolve("inbox") + "/{simplepin,syntch,both}; queue "
                + (facts.queue() == null ? "off" : facts.queue()));
        lines.add("ledger: " + facts.ledger());
        lines.add("vendors: SimplePin " + facts.simplePin() + ", Syntch " + facts.syntch()
                + (facts.simulators() ? " (the sandbox's own simulators)" : ""));
        return lines;
    }
}
