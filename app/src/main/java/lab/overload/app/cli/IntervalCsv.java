package lab.overload.app.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import lab.overload.engine.metrics.IntervalSnapshot;

/**
 * The {@code --intervals} CSV: a header row, then one row per {@link IntervalSnapshot} in time order. Columns are
 * the snapshot's record components in declaration order (so a new metric appears without code changes here), then
 * the derived per-second rates. Numbers are plain decimals (no exponent), undefined values (NaN, e.g. a latency
 * percentile in an interval with no success) are empty cells; line ends are {@code \n}.
 */
public final class IntervalCsv {
    /**
     * The snapshot's scalar fields (its sections, lanes and platform are not columns); the policy map becomes one
     * column per policy name instead.
     */
    private static final RecordComponent[] COMPONENTS = java.util.Arrays.stream(
            IntervalSnapshot.class.getRecordComponents()).filter(c -> c.getType().isPrimitive())
            .toArray(RecordComponent[]::new);

    private record Derived(String name, ToDoubleFunction<IntervalSnapshot> value) {
    }

    private static final List<Derived> DERIVED = List.of(
            new Derived("offeredPerSecond", IntervalSnapshot::offeredPerSecond),
            new Derived("attemptsPerSecond", IntervalSnapshot::attemptsPerSecond),
            new Derived("throughputPerSecond", IntervalSnapshot::throughputPerSecond),
            new Derived("goodputPerSecond", IntervalSnapshot::goodputPerSecond),
            new Derived("rejectedPerSecond", IntervalSnapshot::rejectedPerSecond),
            new Derived("timedOutPerSecond", IntervalSnapshot::timedOutPerSecond));

    private IntervalCsv() {
    }

    /** The header names, in column order. */
    public static List<String> header() {
        return header(List.of());
    }

    private static List<String> header(List<String> policyNames) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : COMPONENTS) {
            names.add(c.getName());
        }
        DERIVED.forEach(d -> names.add(d.name()));
        names.addAll(policyNames);
        return names;
    }

    /** The CSV text of the intervals, header first. */
    public static String write(List<IntervalSnapshot> intervals) {
        StringBuilder out = new StringBuilder(64 + intervals.size() * 320);
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        intervals.forEach(i -> names.addAll(i.policy().keySet()));
        List<String> policy = List.copyOf(names);
        out.append(String.join(",", header(policy))).append('\n');
        for (IntervalSnapshot s : intervals) {
            row(out, s, policy);
        }
        return out.toString();
    }

    private static final Method[] ACCESSORS = java.util.Arrays.stream(COMPONENTS).map(RecordComponent::getAccessor)
            .toArray(Method[]::new);

    /** One CSV row, with a cell for each of the policy names given (empty where the snapshot has none). */
    private static void row(StringBuilder out, IntervalSnapshot s, List<String> policy) {
        for (int i = 0; i < ACCESSORS.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            cell(out, get(ACCESSORS[i], s));
        }
        for (Derived d : DERIVED) {
            out.append(',');
            cell(out, d.value().applyAsDouble(s));
        }
        for (String name : policy) {
            out.append(',');
            cell(out, s.policy().get(name));
        }
        out.append('\n');
    }

    /**
     * The CSV written as intervals are sealed, so a long run holds no list of them: each row goes to a spill file
     * beside the target at once. The header names every policy column of the whole run, which is only known at the
     * end, so {@link #commit()} writes the header and then copies the rows into an atomic output, adding the empty
     * cells of policy columns that first appeared after a row was written. The bytes are those {@link #write(List)}
     * gives for the same intervals. On failure or without a commit the target keeps its old content.
     */
    static final class Stream implements java.util.function.Consumer<IntervalSnapshot>, AutoCloseable {
        private final java.nio.file.Path target;
        private final java.nio.file.Path spill;
        private final java.io.Writer rows;
        private final java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        private List<String> policy = List.of();
        /** Row numbers at which the policy column count grew, and the count from then on. */
        private final List<long[]> growth = new ArrayList<>();
        private final StringBuilder line = new StringBuilder(512);
        private long count;

        Stream(java.nio.file.Path target) throws java.io.IOException {
            this.target = target;
            java.nio.file.Path dir = target.toAbsolutePath().getParent();
            java.nio.file.Files.createDirectories(dir);
            this.spill = java.nio.file.Files.createTempFile(dir, "." + target.getFileName() + ".", ".rows");
            this.rows = java.nio.file.Files.newBufferedWriter(spill, java.nio.charset.StandardCharsets.US_ASCII);
        }

        /** Rows written so far. */
        long rows() {
            return count;
        }

        @Override
        public void accept(IntervalSnapshot s) {
            if (names.addAll(s.policy().keySet())) {
                policy = List.copyOf(names);
                growth.add(new long[] {count, policy.size()});
            }
            line.setLength(0);
            row(line, s, policy);
            try {
                rows.append(line);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
            count++;
        }

        /** Writes the header and every row to the target atomically. */
        void commit() throws java.io.IOException {
            rows.close();
            try (var out = lab.overload.models.json.AtomicFiles.open(target);
                 var in = java.nio.file.Files.newBufferedReader(spill, java.nio.charset.StandardCharsets.US_ASCII)) {
                var w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out,
                        java.nio.charset.StandardCharsets.UTF_8), 64 * 1024);
                w.write(String.join(",", header(policy)));
                w.write('\n');
                int g = 0;
                int columns = 0;
                long n = 0;
                for (String r; (r = in.readLine()) != null; n++) {
                    while (g < growth.size() && growth.get(g)[0] <= n) {
                        columns = (int) growth.get(g++)[1];
                    }
                    w.write(r);
                    for (int missing = policy.size() - columns; missing > 0; missing--) {
                        w.write(',');
                    }
                    w.write('\n');
                }
                w.flush();
                out.commit();
            } finally {
                java.nio.file.Files.deleteIfExists(spill);
            }
        }

        /** Deletes the spill file; the target is untouched unless committed. */
        @Override
        public void close() {
            try {
                rows.close();
            } catch (java.io.IOException e) {
                // a full disk cannot take the last buffered rows: they are not needed any more
            }
            try {
                java.nio.file.Files.deleteIfExists(spill);
            } catch (java.io.IOException e) {
                // nothing more to do: the target is untouched
            }
        }
    }

    private static Object get(Method accessor, IntervalSnapshot s) {
        try {
            return accessor.invoke(s);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of an interval snapshot", e);
        }
    }

    private static void cell(StringBuilder out, Object v) {
        if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                out.append(plain(d));
            }
        } else if (v instanceof Float f) {
            cell(out, (double) f);
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v != null) {
            out.append(quote(v.toString()));
        }
    }

    /** The shortest decimal that reads back as the same double, without an exponent. */
    static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
