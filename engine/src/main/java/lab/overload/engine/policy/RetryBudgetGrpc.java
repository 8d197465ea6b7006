package lab.overload.engine.policy;

import lab.overload.models.scenario.RetryBudgetKind;
import lab.overload.models.scenario.RetryBudgetSpec;

/**
 * gRPC retry throttling (gRFC A6, {@code retryThrottling} in the service config): a token count that starts at
 * {@code maxTokens}. Every failed attempt removes 1 token (not below 0); every success adds {@code tokenRatio} (not
 * above {@code maxTokens}). A retry is allowed only while tokens &gt; maxTokens / 2, and costs nothing itself: the
 * failure has already been paid for. As in gRPC, tokens are kept as integer milli-tokens and the ratio is rounded to
 * 0.001, so the sequence is exact.
 *
 * <p>What it does under overload: with a fraction f of attempts failing, tokens drift by (1 - f) ratio - f per
 * attempt. Below f = ratio / (1 + ratio) the bucket stays near full and every retry goes; above it the count sinks to
 * half, and retries go only in the moments successes lift it back above half. With ratio 0.1 retries are mostly
 * refused once more than about 9% of attempts fail.
 *
 * <p>Thread rule: single writer (the simulation thread). No time in it, so no clock is needed.
 */
public final class RetryBudgetGrpc implements RetryBudget {
    private long maxMilli;
    private long ratioMilli;
    private long milliTokens;

    public RetryBudgetGrpc(RetryBudgetSpec spec) {
        reconfigure(spec);
        milliTokens = maxMilli;
    }

    @Override
    public void reconfigure(RetryBudgetSpec spec) {
        if (spec.kind() != RetryBudgetKind.GRPC) {
            throw new IllegalArgumentException("kind must be GRPC, was " + spec.kind());
        }
        maxMilli = spec.maxTokens() * 1000L;
        ratioMilli = Math.round(spec.tokenRatio() * 1000);
        milliTokens = Math.min(milliTokens, maxMilli);
    }

    @Override
    public void onRequest() {
    }

    @Override
    public void onFailure() {
        milliTokens = Math.max(0, milliTokens - 1000);
    }

    @Override
    public void onSuccess(boolean wasRetry, int retryCost) {
        milliTokens = Math.min(maxMilli, milliTokens + ratioMilli);
    }

    @Override
    public int tryAcquireRetry(boolean afterTimeout) {
        return milliTokens > maxMilli / 2 ? 0 : DENIED;
    }

    @Override
    public double available() {
        return milliTokens / 1000.0;
    }
}
