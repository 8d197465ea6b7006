package lab.overload.app.queues;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;

/**
 * The Queues tab's noisy-neighbour switch for one queue: a tenant of a client group sending to the queue whose
 * {@code clients.GROUP.tenants.overrides.TENANT.rateMultiplier} the switch sets to {@code onMultiplier} (on) or 1
 * (off), through the parameter path like any slider. The tenant is the one with the highest multiplier above 1 now,
 * else the one a timeline entry makes noisy, else tenant 0 at 4 times the rest of its group together (at most the
 * field's 10,000). Only groups of more than one tenant count.
 */
public record NoisyNeighbour(String group, int tenant, double onMultiplier) {
    private static final double MAX_MULTIPLIER = 10_000;

    /** The parameter path the switch sets. */
    public String path() {
        return "clients." + group + ".tenants.overrides." + tenant + ".rateMultiplier";
    }

    /** Whether the tenant is noisy in {@code now} (its multiplier above 1). */
    public boolean isOn(Scenario now) {
        return ParameterPaths.get(now, path()) > 1;
    }

    /** The value that flips the switch in {@code now}. */
    public String toggledValue(Scenario now) {
        return isOn(now) ? "1" : number(onMultiplier);
    }

    /** A multiplier as typed: no decimals when whole. */
    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The switch of queue {@code queue} in {@code now}, or empty when no group of several tenants sends to it. */
    public static Optional<NoisyNeighbour> of(Scenario now, String queue) {
        NoisyNeighbour best = null;
        ClientSpec first = null;
        for (ClientSpec c : now.clients()) {
            if (!c.target().equals(queue) || c.tenants().count() < 2) {
                continue;
            }
            first = first == null ? c : first;
            for (var e : c.tenants().overrides().asMap().entrySet()) {
                double m = e.getValue().rateMultiplier();
                if (m > 1 && (best == null || m > best.onMultiplier)) {
                    best = new NoisyNeighbour(c.name(), e.getKey(), m);
                }
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        if (best == null) {
            best = fromTimeline(now, queue);
        }
        if (best == null) {
            best = new NoisyNeighbour(first.name(), 0, Math.min(MAX_MULTIPLIER, 4.0 * (first.tenants().count() - 1)));
        }
        return Optional.of(best);
    }

    private static final Pattern OVERRIDE = Pattern.compile("clients\\.([^.]+)\\.tenants\\.overrides\\.(\\d+)"
            + "\\.rateMultiplier");

    private static NoisyNeighbour fromTimeline(Scenario now, String queue) {
        NoisyNeighbour best = null;
        for (TimelineChange t : now.timeline()) {
            Matcher m = OVERRIDE.matcher(t.path());
            if (!m.matches()) {
                continue;
            }
            String group = m.group(1);
            boolean toQueue = now.clients().stream().anyMatch(c -> c.name().equals(group)
                    && c.target().equals(queue) && c.tenants().count() > Integer.parseInt(m.group(2)));
            double value;
            try {
                value = Double.parseDouble(t.value());
            } catch (NumberFormatException e) {
                continue;
            }
            if (toQueue && value > 1 && (best == null || value > best.onMultiplier)) {
                best = new NoisyNeighbour(group, Integer.parseInt(m.group(2)), value);
            }
        }
        return best;
    }
}
