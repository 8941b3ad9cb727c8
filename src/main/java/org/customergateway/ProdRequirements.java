package org.customergateway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code prod} profile runs against real vendors only: it refuses to start without their base
 * URLs and credentials and without inbound API keys, and says which keys are missing.
 */
final class ProdRequirements {

    private ProdRequirements() {
    }

    /** @param property reads a configuration key, empty when unset */
    static void check(Function<String, String> property) {
        List<String> missing = new ArrayList<>();
        for (String key : List.of("gateway.simplepin.base-url", "gateway.simplepin.api-key", "gateway.syntch.base-url",
                "gateway.auth.api-keys")) {
            if (property.apply(key).isBlank()) {
                missing.add(key);
            }
        }
        boolean syntchKey = !property.apply("gateway.syntch.api-key").isBlank();
        boolean syntchLogin = !property.apply("gateway.syntch.username").isBlank()
                && !property.apply("gateway.syntch.password").isBlank();
        if (!syntchKey && !syntchLogin) {
            missing.add("gateway.syntch.api-key (or gateway.syntch.username and gateway.syntch.password)");
        }
        if (!missing.isEmpty()) {
            throw new StartRefused("the prod profile needs real vendors and credentials; missing: "
                    + String.join(", ", missing));
        }
    }
}
