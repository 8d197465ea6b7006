package lab.overload.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every outcome and work class lands in the field named after it, in the interval snapshot and in the summary JSON,
 * whatever the order of the enums: each constant is recorded a different number of times (its ordinal + 1) and the
 * field whose name is the constant's (FAILED_TIMEOUT: {@code failedTimeout}) must hold exactly that count. A mapping
 * by position would pass only while the enum and the field list happen to agree; this fails as soon as they do not.
 */
class SectionNamesTest {

    /** FAILED_TIMEOUT -> failedTimeout. */
    static String camel(Enum<?> e) {
        StringBuilder b = new StringBuilder();
        for (String part : e.name().toLowerCase(Locale.ROOT).split("_")) {
            b.append(b.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }

    private static Object accessor(Object record, String name) throws ReflectiveOperationException {
        Method m = record.getClass().getMethod(name);
        return m.invoke(record);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachOutcomeAndWorkClassIsCountedUnderItsOwnName() throws ReflectiveOperationException {
        Recorder rec = new Recorder(0);
        ClientMetrics web = rec.client("web");
        StageMetrics api = rec.stage("api", "service", true, false);
        for (RequestOutcome o : RequestOutcome.values()) {
            for (int i = 0; i <= o.ordinal(); i++) {
                web.requestArrived(true);
                rec.requestEnded(web, o, 1000, true, 10);
            }
        }
        for (AttemptOutcome o : AttemptOutcome.values()) {
            for (int i = 0; i <= o.ordinal(); i++) {
                web.attemptSent(false, true);
                api.attemptArrived(true);
                api.attemptEnded(web, o, WorkClass.USEFUL, 0, true, 10, 0);
            }
        }
        for (WorkClass w : WorkClass.values()) {
            api.attemptArrived(true);
            api.attemptEnded(null, AttemptOutcome.COMPLETED_USEFUL, w, (w.ordinal() + 1) * 1_000_000L, true, 10, 0);
        }
        IntervalSnapshot snapshot = rec.seal(100_000, -1);
        Summary summary = rec.summary("names", 1, 100_000, new long[1], new long[1], new long[1]);
        Map<String, Object> json = summary.toMap();
        Map<String, Object> stageJson = (Map<String, Object>) ((Map<String, Object>) json.get("byStage")).get("api");
        for (RequestOutcome o : RequestOutcome.values()) {
            long n = o.ordinal() + 1;
            String name = camel(o);
            assertEquals(n, accessor(snapshot, name), "interval snapshot field " + name);
            assertEquals(n, accessor(snapshot.byClient().get("web").requests(), name), "client interval " + name);
            assertEquals(n, ((Map<String, Object>) json.get("requests")).get(name), "summary requests." + name);
        }
        for (AttemptOutcome o : AttemptOutcome.values()) {
            long n = o.ordinal() + 1;
            String name = camel(o);
            long stageN = n + (o == AttemptOutcome.COMPLETED_USEFUL ? WorkClass.values().length : 0);
            assertEquals(n, accessor(snapshot, name), "interval snapshot field " + name);
            assertEquals(n, ((Map<String, Object>) json.get("attempts")).get(name), "summary attempts." + name);
            assertEquals(stageN, ((Map<String, Object>) stageJson.get("attempts")).get(name),
                    "summary byStage.api.attempts." + name);
            assertEquals(stageN, accessor(snapshot.byStage().get("api").attempts(), name), "stage interval " + name);
        }
        for (WorkClass w : WorkClass.values()) {
            double seconds = w.ordinal() + 1;
            String name = camel(w);
            assertEquals(seconds, accessor(snapshot, name + "WorkSeconds"), "interval snapshot " + name);
            assertEquals(seconds, ((Map<String, Object>) json.get("workSeconds")).get(name), "workSeconds." + name);
            assertEquals(seconds, ((Map<String, Object>) stageJson.get("workSeconds")).get(name),
                    "byStage.api.workSeconds." + name);
        }
    }

    /**
     * The standard deviation from exact sums and double-precision squares: constant latencies give exactly 0 (their
     * squares are exact), and random ones agree with a two-pass computation to 1e-9 relative (the documented error is
     * near 1e-16 E[x^2] / var, here about 1e-14), also after merging two scopes.
     */
    @Test
    void momentsGiveTheStandardDeviation() {
        Moments constant = new Moments();
        for (int i = 0; i < 1_000_000; i++) {
            constant.add(40_000);
        }
        assertEquals(0.0, constant.stdDevMillis(), "constant samples");
        assertEquals(40.0, constant.meanMillis(), "their mean");
        SplittableRandom r = new SplittableRandom(11);
        long[] xs = new long[200_000];
        Moments a = new Moments();
        Moments b = new Moments();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 100_000L + r.nextLong(50_000);
            (i % 3 == 0 ? a : b).add(xs[i]);
        }
        a.addAll(b);
        double mean = 0;
        for (long x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double ss = 0;
        for (long x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double expected = Math.sqrt(ss / (xs.length - 1)) / 1000;
        assertEquals(expected, a.stdDevMillis(), 1e-9 * expected, "two-pass standard deviation, merged halves");
        assertEquals(Double.NaN, new Moments().stdDevMillis(), "no samples");
    }
}
