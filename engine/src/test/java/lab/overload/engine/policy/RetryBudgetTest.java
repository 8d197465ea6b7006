package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.overload.models.scenario.RetryBudgetKind;
import lab.overload.models.scenario.RetryBudgetSpec;
import org.junit.jupiter.api.Test;

/** Exact state sequences of the three retry budgets, with the published parameters and a scripted clock. */
class RetryBudgetTest {

    @Test
    void awsQuotaFromFullPaysForExactly100PlainRetries() {
        RetryBudgetAws quota = new RetryBudgetAws(RetryBudgetSpec.awsStandard());
        assertEquals(500, quota.available());
        for (int i = 1; i <= 100; i++) {
            assertEquals(5, quota.tryAcquireRetry(false), "retry " + i + " costs 5");
        }
        assertEquals(0, quota.available());
        assertEquals(RetryBudget.DENIED, quota.tryAcquireRetry(false), "retry 101 is denied: 500 / 5 = 100");
        assertEquals(0, quota.available(), "a denied retry costs nothing");
    }

    @Test
    void awsQuotaFromFullPaysForExactly50RetriesAfterTimeouts() {
        RetryBudgetAws quota = new RetryBudgetAws(RetryBudgetSpec.awsStandard());
        for (int i = 1; i <= 50; i++) {
            assertEquals(10, quota.tryAcquireRetry(true), "retry " + i + " after a timeout costs 10");
        }
        assertEquals(RetryBudget.DENIED, quota.tryAcquireRetry(true), "500 / 10 = 50");
    }

    @Test
    void awsQuotaRefundsRetriesAndRewardsFirstTrySuccessesUpToCapacity() {
        RetryBudgetAws quota = new RetryBudgetAws(RetryBudgetSpec.awsStandard());
        for (int i = 0; i < 99; i++) {
            quota.tryAcquireRetry(false);
        }
        assertEquals(5, quota.available());
        assertEquals(RetryBudget.DENIED, quota.tryAcquireRetry(true), "5 tokens cannot pay 10");
        assertEquals(5, quota.tryAcquireRetry(false), "but can pay 5");
        assertEquals(0, quota.available());
        quota.onSuccess(true, 5);
        assertEquals(5, quota.available(), "a successful retry refunds its cost");
        quota.onSuccess(true, 10);
        assertEquals(15, quota.available(), "a successful retry after a timeout refunds 10");
        quota.onSuccess(false, 0);
        assertEquals(16, quota.available(), "a first-try success adds 1");
        quota.onFailure();
        quota.onRequest();
        assertEquals(16, quota.available(), "failures and arrivals do not touch the quota");
        RetryBudgetAws full = new RetryBudgetAws(RetryBudgetSpec.awsStandard());
        full.onSuccess(false, 0);
        full.onSuccess(true, 10);
        assertEquals(500, full.available(), "never above capacity");
    }

    @Test
    void awsQuotaLiveChangeClampsTokensToTheNewCapacity() {
        RetryBudgetAws quota = new RetryBudgetAws(RetryBudgetSpec.awsStandard());
        quota.tryAcquireRetry(false);
        assertEquals(495, quota.available());
        quota.reconfigure(new RetryBudgetSpec(RetryBudgetKind.AWS_STANDARD, 100, 20, 40, 2, 10, 0.1, 10, 10, 0.2));
        assertEquals(100, quota.available(), "clamped to the new capacity");
        assertEquals(20, quota.tryAcquireRetry(false), "new cost");
        quota.reconfigure(RetryBudgetSpec.awsStandard());
        assertEquals(80, quota.available(), "a larger capacity does not refill");
    }

    /**
     * maxTokens 4, ratio 1.6: threshold 2. Each step is (event, tokens after it, retry allowed after a failure). A
     * failure removes 1 (floor 0) and the retry is allowed only while tokens &gt; 2; a success adds 1.6 (cap 4).
     */
    @Test
    void grpcThrottlingFollowsTheExactTokenSequence() {
        RetryBudgetGrpc bucket = new RetryBudgetGrpc(RetryBudgetSpec.grpc(4, 1.6));
        assertEquals(4.0, bucket.available());
        String script = "F3+ F2- S3.6 F2.6+ F1.6- F0.6- F0- S1.6 S3.2 S4 F3+";
        List<String> actual = new ArrayList<>();
        for (String step : script.split(" ")) {
            boolean failure = step.charAt(0) == 'F';
            String mark = "";
            if (failure) {
                bucket.onFailure();
                mark = bucket.tryAcquireRetry(false) == RetryBudget.DENIED ? "-" : "+";
            } else {
                bucket.onSuccess(false, 0);
            }
            actual.add(step.charAt(0) + trim(bucket.available()) + mark);
        }
        assertEquals(script, String.join(" ", actual));
    }

    @Test
    void grpcAllowedRetriesCostNothingAndLiveChangeClamps() {
        RetryBudgetGrpc bucket = new RetryBudgetGrpc(RetryBudgetSpec.grpc(4, 1.6));
        assertEquals(0, bucket.tryAcquireRetry(true));
        assertEquals(4.0, bucket.available(), "the failure paid, not the retry");
        bucket.reconfigure(RetryBudgetSpec.grpc(2, 0.5));
        assertEquals(2.0, bucket.available(), "clamped to the new maximum");
        bucket.onFailure();
        assertEquals(RetryBudget.DENIED, bucket.tryAcquireRetry(false), "1 is not above 2 / 2");
        bucket.onSuccess(true, 0);
        assertEquals(0, bucket.tryAcquireRetry(false), "1.5 > 1");
    }

    /** percentCanRetry 0.2, minRetriesPerSecond 10, ttl 10 s: a reserve of 100 retries, plus 0.2 per request. */
    @Test
    void finagleBudgetAllowsTheReservePlusAFractionOfRequestsAndForgetsAfterTtl() {
        ManualClock clock = new ManualClock();
        RetryBudgetFinagle budget = new RetryBudgetFinagle(RetryBudgetSpec.finagle(10, 10, 0.2), clock);
        assertEquals(100, budget.available(), 1e-12);
        assertEquals(100, allowedRetries(budget), "the reserve: 10/s x 10 s");
        clock.setSeconds(0.5);
        for (int i = 0; i < 50; i++) {
            budget.onRequest();
        }
        assertEquals(10, budget.available(), 1e-9, "0.2 x 50 requests");
        assertEquals(10, allowedRetries(budget));
        clock.setSeconds(9.999);
        assertEquals(0, budget.available(), 1e-9, "everything from [0 s, 1 s) still counts");
        clock.setSeconds(10.0);
        assertEquals(100, budget.available(), 1e-9, "deposits and withdrawals expired together after ttl");
        clock.setSeconds(12);
        for (int i = 0; i < 10; i++) {
            budget.onRequest();
        }
        assertEquals(102, allowedRetries(budget), "100 + 0.2 x 10");
    }

    @Test
    void finagleBudgetWithoutMinimumNeedsRequests() {
        ManualClock clock = new ManualClock();
        RetryBudgetFinagle budget = new RetryBudgetFinagle(RetryBudgetSpec.finagle(10, 0, 0.5), clock);
        assertEquals(0, allowedRetries(budget));
        budget.onRequest();
        assertEquals(0, allowedRetries(budget), "half a retry is not a retry");
        budget.onRequest();
        assertEquals(1, allowedRetries(budget));
        budget.reconfigure(RetryBudgetSpec.finagle(10, 0, 1.5));
        assertEquals(2, allowedRetries(budget), "1.5 x 2 - 1 withdrawn = 2 more");
    }

    @Test
    void factoryKeepsStateForTheSameKindAndStartsAfreshOtherwise() {
        ManualClock clock = new ManualClock();
        assertNull(RetryBudget.of(RetryBudgetSpec.NONE, null, clock));
        RetryBudget aws = RetryBudget.of(RetryBudgetSpec.awsStandard(), null, clock);
        aws.tryAcquireRetry(false);
        assertSame(aws, RetryBudget.of(RetryBudgetSpec.awsStandard(), aws, clock));
        assertEquals(495, aws.available());
        RetryBudget grpc = RetryBudget.of(RetryBudgetSpec.grpc(4, 1.6), aws, clock);
        assertTrue(grpc instanceof RetryBudgetGrpc);
        assertEquals(4, grpc.available());
        assertTrue(RetryBudget.of(RetryBudgetSpec.finagle(5, 1, 0.1), grpc, clock) instanceof RetryBudgetFinagle);
    }

    @Test
    void wrongKindIsRefusedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RetryBudgetGrpc(RetryBudgetSpec.awsStandard()));
        assertEquals("kind must be GRPC, was AWS_STANDARD", e.getMessage());
    }

    private static int allowedRetries(RetryBudget budget) {
        int n = 0;
        while (budget.tryAcquireRetry(false) != RetryBudget.DENIED) {
            n++;
            if (n > 1_000_000) {
                throw new AssertionError("budget never denies");
            }
        }
        return n;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
