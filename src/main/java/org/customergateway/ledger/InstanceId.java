package org.customergateway.ledger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Names this gateway instance in the ledger (host, process, and a random part for two JVMs in one host). */
public final class InstanceId {

    private InstanceId() {
    }

    public static String create() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String id = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }
}
