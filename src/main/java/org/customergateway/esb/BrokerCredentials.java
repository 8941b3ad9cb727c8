package org.customergateway.esb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.customergateway.auth.KeyRing;

/**
 * Who may use the embedded broker, and as what. Two roles (their permissions per address are
 * EmbeddedBroker's):
 * <ul>
 *   <li>{@link #GATEWAY_ROLE}: the gateway's own connection, which signs in as {@link #GATEWAY_USER}
 *       with a password made at random for this run and never written anywhere, so that no key a
 *       client holds opens it (or with gateway.esb.broker-username and -password, which other
 *       instances pointed at this broker then give too);</li>
 *   <li>{@link #CLIENT_ROLE}: anyone else whose password is one of {@code gateway.auth.api-keys}
 *       (any user name, so a client can name itself), or anyone at all when the gateway has no keys
 *       (the sandbox): what a client may do is the same either way.</li>
 * </ul>
 */
public final class BrokerCredentials {

    /** The user name the gateway's own connection gives; it shows in the broker's logs. */
    public static final String GATEWAY_USER = "customer-gateway";
    static final String GATEWAY_ROLE = "gateway";
    static final String CLIENT_ROLE = "client";

    private final KeyRing keys;
    private final String gatewayUser;
    private final String gatewayPassword;

    private BrokerCredentials(KeyRing keys, String gatewayUser, String gatewayPassword) {
        this.keys = keys;
        this.gatewayUser = gatewayUser;
        this.gatewayPassword = gatewayPassword;
    }

    /**
     * For the embedded broker: clients need one of these keys (none: anyone is a client); a gateway signs
     * in with this user name and password, or, when the password is empty, as {@link #GATEWAY_USER}
     * with one made at random for this run.
     */
    public static BrokerCredentials embedded(KeyRing keys, String user, String password) {
        String secret = password;
        if (secret == null || secret.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        return new BrokerCredentials(keys, user == null || user.isEmpty() ? GATEWAY_USER : user, secret);
    }

    /**
     * For a broker of the user's (gateway.esb.broker-url), another instance's embedded one included:
     * what it wants, or no credentials when empty; a password without a user name is
     * {@link #GATEWAY_USER}'s, as an embedded broker expects.
     */
    public static BrokerCredentials external(String user, String password) {
        if (password == null || password.isEmpty()) {
            return new BrokerCredentials(KeyRing.of(""), user == null || user.isEmpty() ? null : user, null);
        }
        return new BrokerCredentials(KeyRing.of(""), user == null || user.isEmpty() ? GATEWAY_USER : user, password);
    }

    /** The user the gateway's own connection gives, or null for none. */
    public String gatewayUser() {
        return gatewayUser;
    }

    /** The password the gateway's own connection gives, or null for none. */
    public String gatewayPassword() {
        return gatewayPassword;
    }

    /** The role of whoever signs in with these, or null: refused. */
    String roleOf(String user, String password) {
        if (gatewayUser != null && gatewayUser.equals(user) && gatewayPassword != null && password != null && MessageDigest.isEqual(
                gatewayPassword.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) {
            return GATEWAY_ROLE;
        }
        return keys.isEmpty() || keys.accepts(password) ? CLIENT_ROLE : null;
    }

    ActiveMQSecurityManager securityManager() {
        return new ActiveMQSecurityManager() {
            @Override
            public boolean validateUser(String user, String password) {
                return roleOf(user, password) != null;
            }

            @Override
            public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
                // roles: those the broker's security settings give for the address at hand
                String role = roleOf(user, password);
                return role != null && roles.stream().anyMatch(each -> each.getName().equals(role) && checkType.hasRole(each));
            }
        };
    }
}
