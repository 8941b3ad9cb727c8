package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One vendor exchange run as often as the retry policy allows, and what it remembers of the attempts. */
class AttemptsTest {

    private final List<Long> pauses = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(4, 100, 1000, pauses::add);

    @Test
    void retries_a_not_now_answer_until_one_is_final() {
        Deque<VendorReply> replies = replies(status(503), status(429), status(201));
        Attempts attempts = new Attempts(policy);
        VendorReply last = attempts.run(replies::pop);
        assertThat(last.status()).isEqualTo(201);
        assertThat(attempts.count()).isEqualTo(3);
        assertThat(pauses).hasSize(2);
        assertThat(attempts.mayHaveLanded()).as("a 503 may have done its work").isTrue();
    }

    @Test
    void stops_at_the_last_attempt_with_its_failure() {
        Deque<VendorReply> replies = replies(status(503), status(503), status(503), status(503), status(201));
        Attempts attempts = new Attempts(policy);
        assertThat(attempts.run(replies::pop).status()).isEqualTo(503);
        assertThat(attempts.count()).isEqualTo(4);
        assertThat(pauses).hasSize(3);
        assertThat(replies).hasSize(1);
    }

    @Test
    void never_retries_another_4xx_and_never_pauses_for_it() {
        Attempts attempts = new Attempts(policy);
        assertThat(attempts.run(replies(status(400), status(201))::pop).status()).isEqualTo(400);
        assertThat(attempts.count()).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void a_refused_connection_is_retried_and_a_429_alone_never_may_have_landed() {
        Attempts refused = new Attempts(policy);
        refused.run(replies(VendorReply.failed(VendorReply.Failure.CONNECTION), status(201))::pop);
        assertThat(refused.count()).isEqualTo(2);
        assertThat(refused.mayHaveLanded()).isTrue();

        Attempts limited = new Attempts(policy);
        limited.run(replies(status(429), status(201))::pop);
        assertThat(limited.mayHaveLanded()).isFalse();
    }

    @Test
    void an_open_circuit_is_not_retried() {
        Attempts attempts = new Attempts(policy);
        attempts.run(replies(VendorReply.failed(VendorReply.Failure.CIRCUIT_OPEN), status(201))::pop);
        assertThat(attempts.count()).isEqualTo(1);
    }

    private static VendorReply status(int status) {
        return new VendorReply(status, "application/json", new byte[0], null, VendorReply.Failure.NONE);
    }

    private static Deque<VendorReply> replies(VendorReply... replies) {
        return new ArrayDeque<>(List.of(replies));
    }
}
