package lab.overload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimeoutKind;
import org.junit.jupiter.api.Test;

/**
 * Determinism (DESIGN.md section 7): the same scenario and seed give a byte-identical summary JSON in one JVM and
 * across JVMs; another seed gives other numbers; and a server-side change leaves every client arrival where it was
 * (common random numbers).
 */
class DeterminismTest {
    private static final long SEED = 424_242;

    private static String json(Scenario s) {
        return SummaryJson.write(BatchRunner.run(s).summary());
    }

    @Test
    void sameSeedGivesIdenticalSummaryJsonInOneJvm() {
        Scenario s = DeterminismMain.scenario(SEED);
        String first = json(s);
        String second = json(s);
        assertEquals(first, second, "same scenario and seed, same JVM: summary JSON must be byte-identical");
        // Driving the World by hand (no runner) gives the same bytes too.
        World world = new World(s);
        world.runUntil(s.durationMicros());
        assertEquals(first, SummaryJson.write(world.summary()), "BatchRunner and a hand-driven World must agree");
        Summary sum = BatchRunner.run(s).summary();
        assertTrue(sum.requestsTotal() > 5000 && sum.retries() > 0 && sum.failedTimeout() > 0 && sum.shed() > 0
                        && sum.completedWasted() > 0 && sum.abandonedByServer() > 0 && sum.completedError() > 0,
                "the scenario must exercise timeouts, retries, shedding, waste, dropping and errors: " + sum);
    }

    @Test
    void sameSeedGivesIdenticalSummaryJsonAcrossJvms() throws Exception {
        String inProcess = json(DeterminismMain.scenario(SEED));
        // A plain child JVM, and one with another default locale, only the C1 compiler and a small heap: none of
        // that may change a byte. (Another machine may use other Math.log/exp intrinsics; see the report.)
        assertEquals(inProcess, child(List.of()), "child JVM: summary JSON must be byte-identical to in-process");
        assertEquals(inProcess, child(List.of("-Duser.language=de", "-Duser.country=DE", "-XX:TieredStopAtLevel=1",
                "-Xmx96m")), "child JVM with de_DE locale and C1 only: summary JSON must be byte-identical");
    }

    @Test
    void interpreterGivesIdenticalSummaryJson() throws Exception {
        // The interpreter and the JIT must compute the same doubles (Math intrinsics are shared stubs in HotSpot).
        Scenario small = DeterminismMain.scenario(SEED);
        String inProcess = json(small);
        assertEquals(inProcess, child(List.of("-Xint")), "child JVM in -Xint: summary JSON must be byte-identical");
    }

    private static String child(List<String> jvmArgs) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(DeterminismMain.class.getName());
        cmd.add(Long.toString(SEED));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
        errReader.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(p.getInputStream(), out);
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        errReader.join(5_000);
        assertTrue(done, "child JVM did not finish within 120 s: " + cmd);
        assertEquals(0, p.exitValue(), "child JVM " + jvmArgs + " failed: " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void differentSeedGivesDifferentNumbers() {
        Summary a = BatchRunner.run(DeterminismMain.scenario(SEED)).summary();
        Summary b = BatchRunner.run(DeterminismMain.scenario(SEED + 1)).summary();
        assertNotEquals(SummaryJson.write(a), SummaryJson.write(b), "another seed must change the summary");
        assertNotEquals(a.requestsTotal(), b.requestsTotal(), "another seed must change the arrival count");
        assertNotEquals(a.latencyMean(), b.latencyMean(), "another seed must change the mean latency");
        assertNotEquals(a.succeeded(), b.succeeded(), "another seed must change the successes");
        // ... but not the order of magnitude: both are the same scenario.
        assertEquals(1.0, (double) a.requestsTotal() / b.requestsTotal(), 0.1,
                "two seeds of one scenario offer about the same load (within 10%)");
    }

    /**
     * Common random numbers: arrival times come from the client's own stream, so changing the service (workers,
     * service time, discipline, errors, queue, hosts) must leave every first-attempt send time unchanged, although
     * what happens afterwards (timeouts, retries, successes) changes.
     */
    @Test
    void serverChangesKeepClientArrivalTimes() {
        Scenario base = Scenarios.scenario(SEED, 60, 0,
                Scenarios.openClient(ArrivalKind.POISSON, 80, TimeoutKind.FIXED, 300, Scenarios.retries(3)),
                Scenarios.service(8, 20, Distribution.EXPONENTIAL, 90, ExpiredWork.PROCESS, 0.05));
        List<Long> reference = firstSends(base);
        String referenceJson = json(base);
        assertTrue(reference.size() > 4000, "about 4800 arrivals expected, got " + reference.size());
        String[][] changes = {
            {"services.api.workersPerHost", "3"},
            {"services.api.serviceTimeMillis", "200"},
            {"services.api.discipline", "LIFO"},
            {"services.api.errorProbability", "0.4"},
            {"services.api.queueCapacity", "0"},
            {"services.api.hosts", "3"},
            {"services.api.contentionSigma", "0.1"},
            {"services.api.serviceTimeDistribution", "LOGNORMAL"},
        };
        for (String[] c : changes) {
            Scenario changed = ParameterPaths.with(base, c[0], c[1]);
            assertNotEquals(referenceJson, json(changed), c[0] + "=" + c[1] + " must change the outcome");
            List<Long> sends = firstSends(changed);
            assertEquals(reference.size(), sends.size(), c[0] + "=" + c[1] + ": number of arrivals must not change");
            assertEquals(reference, sends, c[0] + "=" + c[1] + ": every first-attempt send time must be unchanged"
                    + " (common random numbers: the client's arrival stream is its own)");
        }
        Scenario otherClient = ParameterPaths.with(base, "clients.web.timeoutMillis", "150");
        assertEquals(reference, firstSends(otherClient),
                "a client's timeout does not move its arrivals either (separate streams per purpose)");
    }

    private static List<Long> firstSends(Scenario s) {
        World world = new World(s);
        List<Long> times = new ArrayList<>();
        world.onTrace(e -> {
            if (e.event().equals("send") && e.source().equals("web")) {
                assertEquals(1, e.attempt(), "send is the first attempt (retries are traced as retry)");
                times.add(e.timeMicros());
            }
        });
        world.runUntil(s.durationMicros());
        world.summary().checkConservation();
        return times;
    }
}
