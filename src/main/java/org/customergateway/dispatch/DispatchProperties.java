package org.customergateway.dispatch;

/** The exchange properties the dispatch routes pass between their steps. */
public final class DispatchProperties {

    /** The {@link DispatchRequest} being dispatched (the sinks' bodies become vendor models). */
    public static final String REQUEST = "GatewayRequest";
    /** The customer's id, as the canonical schema names it. */
    public static final String CUSTOMER_ID = "GatewayCustomerId";
    /** true while the first request with the same key is still running (a repeat asks again). */
    public static final String CLAIM_HELD = "GatewayClaimHeld";
    /** true when the ledger answered the request (the body is the stored result). */
    public static final String REPLAYED = "GatewayReplayed";
    /** {@code System.nanoTime()} when the dispatch began. */
    public static final String STARTED = "GatewayStarted";
    /** The vendor sinks the request goes to, for the recipient list ({@link Target#sinks()}). */
    public static final String SINKS = "GatewaySinks";
    /** true when the customer meets the sink's vendor's rules (its translation has no violation). */
    public static final String VALID = "GatewayValid";
    /** The {@link org.customergateway.translation.Translation} of the customer for the sink's vendor. */
    public static final String TRANSLATION = "GatewayTranslation";
    /** true once a failed attempt may have done its work although its answer was lost. */
    public static final String MAY_HAVE_LANDED = "GatewayMayHaveLanded";
    /** The vendor request body a sink sends on every attempt. */
    public static final String VENDOR_BODY = "GatewayVendorBody";
    /** true when the last attempt's answer came from SimplePin's add (not its getCustomer). */
    public static final String FROM_ADD = "GatewayFromAdd";
    /** {@code System.nanoTime()} when the vendor call in flight began (for its circuit breaker). */
    public static final String CALL_STARTED = "GatewayCallStarted";

    private DispatchProperties() {
    }
}
