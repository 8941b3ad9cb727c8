package org.customergateway.canonical;

/** Life-cycle of a customer, as both vendors know it under their own names. */
public enum CustomerStatus {
    PENDING, ACTIVE, INACTIVE, DELETED
}
