package org.customergateway.dispatch;

import java.util.Map;

/**
 * Where a customer came from, as it came: enough to keep it as a dead letter and send it again.
 *
 * @param wayIn      http, filedrop or esb
 * @param headers    the request's safe headers only (target, correlation id, locale, ...); never credentials
 * @param replayOf   the dead letter this is a replay of, or null
 */
public record Origin(String wayIn, String contentType, byte[] body, Map<String, String> headers, String replayOf) {
}
