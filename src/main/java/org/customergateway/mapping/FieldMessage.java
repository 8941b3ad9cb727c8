package org.customergateway.mapping;

/** A message about one field, named by its path in some schema ({@code main_address.zip}). */
public record FieldMessage(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
