package org.customergateway.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"firstName", "lastName", "jobTitle", "department", "email", "phone", "eveningPhone", "mobile", "fax"})
public record Contact(
        String firstName,
        String lastName,
        String jobTitle,
        String department,
        String email,
        String phone,
        String eveningPhone,
        String mobile,
        String fax) {
}
