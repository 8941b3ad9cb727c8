package org.customergateway.esb;

import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.customergateway.auth.KeyRing;

/**
 * Who may use the embedded broker: when the gateway has API keys ({@code gateway.auth.api-keys}), a
 * client of any protocol must give one of them as its password (its user name is free, so that it can
 * name itself); without keys the broker is open, as the rest of the sandbox is. The gateway's own
 * consumer connects with the first key.
 */
public final class BrokerCredentials {

    /** The user name the gateway's own connection gives (any name is accepted; this one shows in the broker's logs). */
    public static final String GATEWAY_USER = "customer-gateway";

    private final KeyRing keys;

    public BrokerCredentials(KeyRing keys) {
        this.keys = keys;
    }

    public boolean required() {
        return !keys.isEmpty();
    }

    /** The user the gateway's own connection gives, or null when the broker is open. */
    public String gatewayUser() {
        return keys.isEmpty() ? null : GATEWAY_USER;
    }

    /** The password the gateway's own connection gives, or null when the broker is open. */
    public String gatewayPassword() {
        return keys.first();
    }

    ActiveMQSecurityManager securityManager() {
        return new ActiveMQSecurityManager() {
            @Override
            public boolean validateUser(String user, String password) {
                return keys.isEmpty() || keys.accepts(password);
            }

            @Override
            public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
                // one kind of client: whoever holds a key may send, receive and make its own reply queues
                return validateUser(user, password);
            }
        };
    }
}
