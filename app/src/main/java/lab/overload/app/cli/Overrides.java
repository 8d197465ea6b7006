package lab.overload.app.cli;

import java.util.List;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;

/** Command-line overrides shared by the commands: {@code --seed} and {@code --set PATH=VALUE}. */
final class Overrides {
    /** The largest seed: 2^53 - 1, so that every seed survives a JSON number round trip. */
    static final long MAX_SEED = 9_007_199_254_740_991L;

    private Overrides() {
    }

    /** The seed, checked as an integer (echoed exactly, not through a double). */
    static long seed(String option, long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new InputException(option + " must be an integer in [0, " + MAX_SEED + "], was " + seed);
        }
        return seed;
    }

    /** The scenario with every {@code PATH=VALUE} applied in order; errors name the path. */
    static Scenario set(Scenario s, List<String> sets) {
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new InputException("--set '" + set + "' must look like PATH=VALUE, e.g. "
                        + "clients.web.ratePerSecond=150");
            }
            String path = set.substring(0, eq).trim();
            String value = set.substring(eq + 1).trim();
            try {
                s = ParameterPaths.with(s, path, value);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage(), e);
            }
        }
        return s;
    }
}
