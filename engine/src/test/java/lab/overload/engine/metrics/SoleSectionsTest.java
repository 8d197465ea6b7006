package lab.overload.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A scenario with one client group calling its only stage builds its sections from the totals (the stage counts
 * nothing the group counts); any other scenario records every section. Both ways must give the same sections: the
 * same random stream of events, as the components report them (every attempt a client sends reaches the stage unless
 * the client refuses it itself), is fed to a recorder whose stage is registered as sole and to one whose stage is
 * not, and every interval's and the summary's sections are compared.
 */
class SoleSectionsTest {
    private static final AttemptOutcome[] OUTCOMES = AttemptOutcome.values();
    private static final RequestOutcome[] REQUEST_OUTCOMES = RequestOutcome.values();
    private static final WorkClass[] WORK = WorkClass.values();

    @Test
    void soleSectionsEqualRecordedOnes() {
        long warmup = 350_000;
        Recorder[] recs = {new Recorder(warmup), new Recorder(warmup)};
        StageMetrics[] stages = {recs[0].stage("api", "service", true, true),
            recs[1].stage("api", "service", true, false)};
        ClientMetrics[] clients = {recs[0].client("web"), recs[1].client("web")};
        for (int k = 0; k < 2; k++) {
            stages[k].setWorkers(0, 4);
        }
        SplittableRandom r = new SplittableRandom(17);
        long now = 0;
        long nextSeal = 100_000;
        int busy = 0;
        for (int step = 0; step < 20_000; step++) {
            now += r.nextLong(2_000);
            while (now >= nextSeal) {
                IntervalSnapshot a = recs[0].seal(nextSeal, -1);
                IntervalSnapshot b = recs[1].seal(nextSeal, -1);
                assertEquals(b.byClient(), a.byClient(), "client section of interval " + a.index());
                assertEquals(b.byStage(), a.byStage(), "stage section of interval " + a.index());
                nextSeal += 100_000;
            }
            boolean measured = now >= warmup;
            int kind = r.nextInt(6);
            long x = r.nextLong(500_000);
            AttemptOutcome o = OUTCOMES[r.nextInt(OUTCOMES.length)];
            RequestOutcome ro = REQUEST_OUTCOMES[r.nextInt(REQUEST_OUTCOMES.length)];
            WorkClass w = WORK[r.nextInt(WORK.length)];
            boolean queued = r.nextBoolean();
            int delta = busy == 0 || r.nextBoolean() ? 1 : -1;
            if (kind == 5) {
                busy += delta;
            }
            for (int k = 0; k < 2; k++) {
                switch (kind) {
                    case 0 -> { // a new request's first attempt reaches the stage
                        clients[k].requestArrived(measured);
                        clients[k].attemptSent(false, measured);
                        stages[k].attemptArrived(measured);
                    }
                    case 1 -> { // a retry: it reaches the stage, or the client refuses it at once
                        clients[k].attemptSent(true, measured);
                        if (queued) {
                            stages[k].attemptArrived(measured);
                        } else {
                            clients[k].attemptEnded(AttemptOutcome.THROTTLED, measured, now);
                        }
                    }
                    case 2 -> {
                        if (o != AttemptOutcome.THROTTLED) {
                            stages[k].attemptEnded(clients[k], o, w, x, measured, now, 0);
                        }
                    }
                    case 3 -> stages[k].queueWait(clients[k], queued, queued ? x : 0, measured);
                    case 4 -> recs[k].requestEnded(clients[k], ro, x, measured, now);
                    default -> stages[k].busyChanged(now, delta);
                }
            }
        }
        long[] none = {0};
        Summary a = recs[0].summary("sole", 1, now, none, none, none);
        Summary b = recs[1].summary("sole", 1, now, none, none, none);
        assertEquals(b.byClient(), a.byClient(), "client section of the summary");
        assertEquals(withoutResponse(b.toMap()), a.toMap(), "the whole summary");
        assertEquals(SummaryJson.write(withoutResponse(b.toMap())), SummaryJson.write(a), "the whole summary JSON");
    }

    /**
     * The summary's tree less the recorded stage's {@code responseMillis} block, which only a recorded stage has (the
     * sole one records no response times), checked present.
     */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> withoutResponse(java.util.Map<String, Object> tree) {
        java.util.Map<String, Object> api = (java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                tree.get("byStage")).get("api");
        assertTrue(api.remove("responseMillis") != null, "a recorded stage has its response times");
        return tree;
    }
}
