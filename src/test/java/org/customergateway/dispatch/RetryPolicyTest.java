package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, 100, 1000, Sleeper.REAL);

    @Test
    void waits_exponentially_longer_with_half_of_each_wait_random() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayAfter(1, reply(503, null))).isBetween(50L, 100L);
            assertThat(policy.delayAfter(2, reply(503, null))).isBetween(100L, 200L);
            assertThat(policy.delayAfter(3, reply(503, null))).isBetween(200L, 400L);
            assertThat(policy.delayAfter(10, reply(503, null))).isBetween(500L, 1000L);
        }
    }

    @Test
    void spreads_the_waits_of_callers_retrying_together() {
        long first = policy.delayAfter(3, reply(503, null));
        boolean differs = false;
        for (int i = 0; i < 50 && !differs; i++) {
            differs = policy.delayAfter(3, reply(503, null)) != first;
        }
        assertThat(differs).isTrue();
    }

    @Test
    void honours_retry_after_in_seconds_up_to_the_maximum() {
        assertThat(policy.delayAfter(1, reply(429, "0"))).isZero();
        assertThat(policy.delayAfter(1, reply(429, "1"))).isEqualTo(1000);
        assertThat(policy.delayAfter(1, reply(429, "120"))).isEqualTo(1000);
    }

    @Test
    void honours_retry_after_as_an_http_date() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3));
        assertThat(reply(503, inThreeSeconds).retryAfterDelay(now)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(30));
        assertThat(reply(503, past).retryAfterDelay(now)).isZero();
        assertThat(reply(503, "soon").retryAfterDelay(now)).isNull();
    }

    @Test
    void retries_connection_failures_timeouts_and_not_now_statuses_only() {
        assertThat(policy.shouldRetry(1, VendorReply.failed(VendorReply.Failure.TIMEOUT))).isTrue();
        assertThat(policy.shouldRetry(1, VendorReply.failed(VendorReply.Failure.CONNECTION))).isTrue();
        assertThat(policy.shouldRetry(1, VendorReply.failed(VendorReply.Failure.CIRCUIT_OPEN))).isFalse();
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertThat(policy.shouldRetry(1, reply(status, null))).as("%d", status).isTrue();
        }
        for (int status : new int[] {200, 201, 400, 401, 403, 404, 409, 422, 501}) {
            assertThat(policy.shouldRetry(1, reply(status, null))).as("%d", status).isFalse();
        }
    }

    @Test
    void stops_at_the_maximum_attempts() {
        assertThat(policy.shouldRetry(3, reply(503, null))).isTrue();
        assertThat(policy.shouldRetry(4, reply(503, null))).isFalse();
    }

    private static VendorReply reply(int status, String retryAfter) {
        return new VendorReply(status, "text/plain", new byte[0], retryAfter, VendorReply.Failure.NONE);
    }

    @Test
    void needs_at_least_one_attempt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RetryPolicy(0, 100, 1000, Sleeper.REAL))
                .hasMessageContaining("at least 1");
        assertThat(new RetryPolicy(1, 100, 1000, Sleeper.REAL).maxAttempts()).isEqualTo(1);
    }
}
