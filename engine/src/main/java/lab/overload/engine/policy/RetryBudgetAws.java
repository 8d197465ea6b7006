package lab.overload.engine.policy;

import lab.overload.models.scenario.RetryBudgetKind;
import lab.overload.models.scenario.RetryBudgetSpec;

/**
 * The AWS SDK "standard" retry quota: a token bucket of C tokens (500 in the SDKs) that starts full. A retry
 * withdraws r tokens (5), or r_t (10) when the failed attempt timed out, and is denied when fewer tokens remain. A
 * success refunds what its request's latest retry withdrew, or adds i tokens (1) when the request succeeded on its
 * first try; the bucket never exceeds C.
 *
 * <p>What it does under overload: from full, the quota pays for C / r = 100 retries (C / r_t = 50 after timeouts)
 * before successes must refill it. A retry that succeeds is refunded, so only failed retries cost: with a fraction s
 * of requests succeeding on their first try, the quota pays in the long run for about s i / r failed retries per
 * request (0.2 s with the defaults). When most retries fail, as in a retry storm, retries therefore add at most about
 * 0.2 attempts per request, however many attempts the retry policy allows.
 *
 * <p>Thread rule: single writer (the simulation thread). The quota has no time in it, so no clock is needed.
 */
public final class RetryBudgetAws implements RetryBudget {
    private long capacity;
    private int retryCost;
    private int timeoutRetryCost;
    private int noRetryIncrement;
    private long tokens;

    public RetryBudgetAws(RetryBudgetSpec spec) {
        reconfigure(spec);
        tokens = capacity;
    }

    @Override
    public void reconfigure(RetryBudgetSpec spec) {
        if (spec.kind() != RetryBudgetKind.AWS_STANDARD) {
            throw new IllegalArgumentException("kind must be AWS_STANDARD, was " + spec.kind());
        }
        capacity = spec.quotaCapacity();
        retryCost = spec.retryCost();
        timeoutRetryCost = spec.timeoutRetryCost();
        noRetryIncrement = spec.noRetryIncrement();
        tokens = Math.min(tokens, capacity);
    }

    @Override
    public void onRequest() {
    }

    @Override
    public void onFailure() {
    }

    @Override
    public void onSuccess(boolean wasRetry, int retryCost) {
        tokens = Math.min(capacity, tokens + (wasRetry ? retryCost : noRetryIncrement));
    }

    @Override
    public int tryAcquireRetry(boolean afterTimeout) {
        int cost = afterTimeout ? timeoutRetryCost : retryCost;
        if (tokens < cost) {
            return DENIED;
        }
        tokens -= cost;
        return cost;
    }

    @Override
    public double available() {
        return tokens;
    }
}
