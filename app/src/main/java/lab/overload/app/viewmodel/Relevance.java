package lab.overload.app.viewmodel;

import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.ServiceSpec;
import lab.overload.models.scenario.TimeoutKind;

/**
 * Whether a parameter matters under the current settings, so the panel can hide knobs that would do nothing
 * (think time for an open-loop client, a CV for a constant distribution, backoff with a single attempt).
 */
public final class Relevance {
    private Relevance() {
    }

    /** A nested client policy's fields show once the policy is on (its kind or enabled switch always shows). */
    private static boolean clientPolicy(ClientSpec c, String object, String field) {
        return switch (object) {
            case "retry" -> !(field.startsWith("backoff") || field.equals("jitter")) || c.retry().maxAttempts() > 1;
            case "retryBudget" -> switch (field) {
                case "kind" -> true;
                case "quotaCapacity", "retryCost", "timeoutRetryCost", "noRetryIncrement" ->
                        c.retryBudget().kind() == lab.overload.models.scenario.RetryBudgetKind.AWS_STANDARD;
                case "maxTokens", "tokenRatio" ->
                        c.retryBudget().kind() == lab.overload.models.scenario.RetryBudgetKind.GRPC;
                default -> c.retryBudget().kind() == lab.overload.models.scenario.RetryBudgetKind.FINAGLE;
            };
            case "throttle" -> field.equals("enabled") || c.throttle().enabled();
            case "circuitBreaker" -> field.equals("enabled") || c.circuitBreaker().enabled();
            case "pagination" -> field.equals("enabled") || c.pagination().enabled();
            default -> true;
        };
    }

    public static boolean relevant(Scenario s, String path) {
        String[] p = path.split("\\.");
        String field = p[p.length - 1];
        if (p[0].equals("clients")) {
            ClientSpec c = s.client(p[1]);
            if (p.length > 3) {
                return clientPolicy(c, p[2], field);
            }
            boolean open = c.loop() == LoopKind.OPEN;
            return switch (field) {
                case "arrivals", "ratePerSecond" -> open;
                case "users", "thinkTimeMillis" -> !open;
                case "sizeCv" -> c.sizeDistribution() == Distribution.LOGNORMAL;
                case "timeoutMillis" -> c.timeoutKind() != TimeoutKind.NONE;
                default -> true;
            };
        }
        ServiceSpec v = s.service(p[1]);
        if (p.length > 3) {
            return switch (p[2]) {
                case "limit" -> switch (field) {
                    case "kind" -> true;
                    case "backoffRatio", "latencyThresholdMillis" ->
                            v.limit().kind() == lab.overload.models.scenario.LimitKind.AIMD;
                    case "smoothing", "rttTolerance", "longWindowSamples", "queueSize" ->
                            v.limit().kind() == lab.overload.models.scenario.LimitKind.GRADIENT;
                    default -> v.limit().kind() != lab.overload.models.scenario.LimitKind.FIXED;
                };
                case "shedding" -> field.equals("maxQueueWaitMillis") || v.shedding().maxQueueWaitMillis() > 0;
                case "dependency" -> field.equals("enabled") || v.dependency().enabled();
                default -> true;
            };
        }
        return switch (field) {
            case "serviceTimeCv" -> v.serviceTimeDistribution() == Distribution.LOGNORMAL;
            case "balancer", "hostsDown" -> v.hosts() > 1;
            default -> true;
        };
    }

}
