package org.customergateway.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One row of canonical CSV, as written (every cell text), in the column order of docs/file-drop.md. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"customer_id", "name", "status", "since", "locale", "merchant_key", "first_name", "last_name",
        "job_title", "department", "email", "phone", "evening_phone", "mobile", "fax",
        "ship_line1", "ship_line2", "ship_line3", "ship_city", "ship_region", "ship_postal_code", "ship_country",
        "bill_line1", "bill_line2", "bill_line3", "bill_city", "bill_region", "bill_postal_code", "bill_country"})
public record CanonicalCsvRow(
        String customerId, String name, String status, String since, String locale, String merchantKey,
        String firstName, String lastName, String jobTitle, String department, String email, String phone,
        String eveningPhone, String mobile, String fax,
        String shipLine1, String shipLine2, String shipLine3, String shipCity, String shipRegion,
        String shipPostalCode, String shipCountry,
        String billLine1, String billLine2, String billLine3, String billCity, String billRegion,
        String billPostalCode, String billCountry) {
}
