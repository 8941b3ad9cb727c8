package org.customergateway.canonical;

public record Contract(Integer id, String name) {
}
