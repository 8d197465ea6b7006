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
    /** The snapshot's scalar fields; the policy map becomes one column per policy name instead. */
    private static final RecordComponent[] COMPONENTS = java.util.Arrays.stream(
            IntervalSnapshot.class.getRecordComponents()).filter(c -> c.getType() != java.util.Map.class && c.getType() != java.util.Set.class)
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
        Method[] accessors = new Method[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            accessors[i] = COMPONENTS[i].getAccessor();
        }
        for (IntervalSnapshot s : intervals) {
            for (int i = 0; i < accessors.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                cell(out, get(accessors[i], s));
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
        return out.toString();
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
