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

    public static boolean relevant(Scenario s, String path) {
        String[] p = path.split("\\.");
        String field = p[p.length - 1];
        if (p[0].equals("clients")) {
            ClientSpec c = s.client(p[1]);
            boolean open = c.loop() == LoopKind.OPEN;
            return switch (field) {
                case "arrivals", "ratePerSecond" -> open;
                case "users", "thinkTimeMillis" -> !open;
                case "sizeCv" -> c.sizeDistribution() == Distribution.LOGNORMAL;
                case "timeoutMillis" -> c.timeoutKind() != TimeoutKind.NONE;
                case "backoffBaseMillis", "backoffCapMillis", "jitter" -> c.retry().maxAttempts() > 1;
                default -> true;
            };
        }
        ServiceSpec v = s.service(p[1]);
        return switch (field) {
            case "serviceTimeCv" -> v.serviceTimeDistribution() == Distribution.LOGNORMAL;
            case "balancer" -> v.hosts() > 1;
            default -> true;
        };
    }

}
