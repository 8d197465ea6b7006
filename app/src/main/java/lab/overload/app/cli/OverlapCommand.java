package lab.overload.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.theory.ShardOverlap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code overlap}: the exact shuffle-shard overlap table from {@link ShardOverlap}: for a shard of K of N nodes, the
 * probability that another uniformly chosen shard shares exactly m nodes with it (hypergeometric), and the number of
 * distinct shards C(N, K).
 */
@Command(name = "overlap", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION, sortOptions = false,
        description = {"Print the exact shuffle-sharding overlap table: with shards of K out of N nodes, the "
            + "probability that another customer's random shard shares exactly m of your K nodes, and the number of "
            + "distinct shards C(N, K)."},
        footer = {"", "Examples:", "  overload-lab overlap --nodes 8 --shard-size 2",
            "  overload-lab overlap --scenario shuffle-sharding --set queues.events.mapping=SHUFFLE_SHARD "
                + "--set queues.events.pollersPerLane=1"})
public final class OverlapCommand implements Callable<Integer> {
    /** Largest N accepted. */
    static final int MAX_NODES = 100_000;
    /**
     * Largest K accepted: {@link ShardOverlap#overlapDistribution} does O(K) big-integer multiplications for each of
     * the K + 1 rows, about 2 s at K = 1000 and 8 s at K = 2000 (N = 100000).
     */
    static final int MAX_SHARD_SIZE = 1000;
    /** Without --all, rows rarer than this (in percent) are folded into one line when K is large. */
    private static final double FOLD_BELOW_PERCENT = 1e-9;
    private static final int ALWAYS_ALL_ROWS_UP_TO_K = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N",
            description = "Number of nodes (queues, hosts, cells) N, 1 to " + MAX_NODES + ".")
    Integer nodesOption;

    @Option(names = "--shard-size", paramLabel = "K",
            description = "Nodes per shard K, 1 to min(N, " + MAX_SHARD_SIZE + ").")
    Integer shardSizeOption;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Instead of N and K: run this scenario (a file or a preset name) and print, for its first "
                    + "shuffle-sharded queue, the exact table next to the measured one and the impacted tenants.")
    String scenario;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "With --scenario: set a parameter path before the run, e.g. "
                    + "queues.events.mapping=SHUFFLE_SHARD. Repeatable; applied in order.")
    java.util.List<String> sets = new java.util.ArrayList<>();

    int nodes;
    int shardSize;

    @Option(names = "--all", description = "Print every row even when K > " + ALWAYS_ALL_ROWS_UP_TO_K
            + " (by default runs of rows below 1e-9 %% are folded into one line).")
    boolean all;

    @Override
    public Integer call() {
        if (scenario != null) {
            if (nodesOption != null || shardSizeOption != null) {
                throw new InputException("--scenario takes the lanes and hand size from the scenario's queue; "
                        + "leave out --nodes and --shard-size");
            }
            OverlapMeasured.print(Overrides.set(ScenarioSource.load(scenario), sets), spec.commandLine().getOut());
            return OverloadLabCli.EXIT_OK;
        }
        if (!sets.isEmpty()) {
            throw new InputException("--set applies to --scenario only");
        }
        if (nodesOption == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--nodes=N' (or --scenario FILE)");
        }
        if (shardSizeOption == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--shard-size=K' (or --scenario FILE)");
        }
        nodes = nodesOption;
        shardSize = shardSizeOption;
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new InputException("--nodes must be an integer in [1, " + MAX_NODES + "], was " + nodes);
        }
        if (shardSize < 1 || shardSize > nodes) {
            throw new InputException("--shard-size must be an integer in [1, --nodes = " + nodes + "], was "
                    + shardSize);
        }
        if (shardSize > MAX_SHARD_SIZE) {
            throw new InputException("--shard-size must be at most " + MAX_SHARD_SIZE
                    + " (the exact table grows with the square of K), was " + shardSize);
        }
        int n = nodes;
        int k = shardSize;
        BigInteger shards = ShardOverlap.distinctShards(n, k);
        double[] p = ShardOverlap.overlapDistribution(n, k);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Shuffle sharding: N = %d nodes, shards of K = %d nodes%n", n, k);
        out.printf(Locale.ROOT, "Distinct shards C(%d, %d) = %s%n", n, k, bigText(shards));
        out.printf(Locale.ROOT, "Mean overlap with another random shard K^2/N = %s nodes%n",
                FieldDef.format(ShardOverlap.expectedOverlap(n, k)));
        out.println();

        TextTable t = new TextTable();
        t.section("nodes shared m", "probability %", "1 in");
        boolean fold = !all && k > ALWAYS_ALL_ROWS_UP_TO_K;
        int m = 0;
        while (m <= k) {
            double pct = 100 * p[m];
            if (fold && m < k && pct < FOLD_BELOW_PERCENT) {
                int end = m;
                while (end + 1 < k && 100 * p[end + 1] < FOLD_BELOW_PERCENT) {
                    end++;
                }
                if (end > m) {
                    t.row(m + ".." + end, "each < 1e-9", "");
                    m = end + 1;
                    continue;
                }
            }
            t.row(Integer.toString(m), percent(pct), oneIn(p[m]));
            m++;
        }
        out.print(t.render());
        out.println();
        out.printf(Locale.ROOT, "A customer's shard shares all %d nodes with another random shard with probability "
                + "1/C(N, K) = %s %%%n", k, percent(100 * p[k]));
        out.flush();
        return OverloadLabCli.EXIT_OK;
    }

    /** Percent with four decimals, or four significant digits when smaller than 0.01 %. */
    static String percent(double pct) {
        if (pct == 0) {
            return "0";
        }
        if (pct >= 0.01) {
            return String.format(Locale.ROOT, "%.4f", pct);
        }
        if (pct >= 1e-6) {
            return new BigDecimal(pct).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", pct);
    }

    /** "1 in X": the reciprocal of a probability, rounded for reading. */
    private static String oneIn(double p) {
        if (p == 0) {
            return "never";
        }
        double x = 1 / p;
        if (x < 100) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        if (x < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        return String.format(Locale.ROOT, "%.3e", x);
    }

    /** The exact number with digit grouping when it is short, else scientific notation and its digit count. */
    private static String bigText(BigInteger v) {
        String digits = v.toString();
        if (digits.length() <= 40) {
            return String.format(Locale.ROOT, "%,d", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).toString().replace("E+", "e+")
                + " (" + digits.length() + " digits)";
    }
}
