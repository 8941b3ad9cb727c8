package org.customergateway.dispatch;

import java.util.Map;

/**
 * One HTTP call to a vendor, relative to its base URL.
 *
 * @param query   the raw query string, or null
 * @param headers further headers (credentials, correlation id); never logged
 */
public record VendorRequest(String method, String path, String query, String contentType, String accept,
                            Map<String, String> headers, byte[] body) {
}
