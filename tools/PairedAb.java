import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Paired A/B of two engine builds in one JVM: each build is loaded through its own class loader (its engine classes
 * first, then the shaded app jar for everything else), and the two run the same benchmark scenario (EngineBench.mmc,
 * or bench's platform or lanes case) alternately, swapping which goes first every pair. Machine noise then hits both builds of a pair
 * alike, and the median of the paired time ratios separates changes of a few per cent that single runs cannot.
 *
 * <pre>
 * java tools/PairedAb.java A_CLASSES B_CLASSES APP_JAR CASE REQUESTS PAIRS
 *   A_CLASSES, B_CLASSES  engine/target/classes of the two builds (copy one aside before rebuilding the other)
 *   APP_JAR               app/target/overload-lab.jar (models, HdrHistogram, Jackson; its engine is shadowed)
 *   CASE                  no (M/M/10, no timeouts), to (a fixed 2 s timeout on every request), or bench's
 *                         platform or lanes case (at 20,000 requests per simulated second)
 *   REQUESTS              requests per run, e.g. 1000000
 *   PAIRS                 timed pairs after 2 untimed ones, e.g. 20
 *   SAMPLE_A SAMPLE_B     optional: the share of requests each build traces (World.sampleTraces), e.g. 0 0.01
 * </pre>
 *
 * With {@code -Dpaired.listen=true} each run sets an interval listener that drops what it gets, as the app's live
 * runner reads every snapshot (without one, a world closes its intervals without building snapshots).
 *
 * Prints each build's median and best requests per second and the speed-up of B over A: the median of the per-pair
 * ratios time(A) / time(B), with its quartiles. B, loaded second, gains 0-2% by itself (an A/A run shows it), so run a
 * comparison both ways: the speed-up is the square root of the ratio with the new build as B over the ratio with it
 * as A.
 *
 * <p>One build alone, one untimed run and then RUNS timed ones in this JVM (to compare builds across separate JVMs,
 * alternate such commands):
 *
 * <pre>
 * java tools/PairedAb.java one CLASSES APP_JAR CASE REQUESTS RUNS
 * </pre>
 */
public final class PairedAb {
    private static final java.util.Set<String> CASES = java.util.Set.of("no", "to", "platform", "lanes");

    public static void main(String[] args) throws Exception {
        if (args.length == 6 && args[0].equals("one") && CASES.contains(args[3])) {
            one(args);
            return;
        }
        if (args.length != 6 && args.length != 8 || !CASES.contains(args[3])) {
            System.err.println("usage: java tools/PairedAb.java A_CLASSES B_CLASSES APP_JAR no|to|platform|lanes REQUESTS PAIRS"
                    + " [SAMPLE_A SAMPLE_B]\n"
                    + "   or: java tools/PairedAb.java one CLASSES APP_JAR no|to|platform|lanes REQUESTS RUNS");
            System.exit(2);
        }
        URL jar = Path.of(args[2]).toUri().toURL();
        ClassLoader[] builds = {loader(args[0], jar), loader(args[1], jar)};
        String kase = args[3];
        long requests = Long.parseLong(args[4]);
        int pairs = Integer.parseInt(args[5]);
        double[] sample = args.length == 8 ? new double[] {Double.parseDouble(args[6]), Double.parseDouble(args[7])}
                : new double[2];
        double[][] seconds = new double[2][pairs];
        for (int p = -2; p < pairs; p++) {
            for (int k = 0; k < 2; k++) {
                int build = (p & 1) == 0 ? k : 1 - k;
                double s = run(builds[build], kase, requests, sample[build]);
                if (p >= 0) {
                    seconds[build][p] = s;
                }
            }
        }
        double[] ratio = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            ratio[p] = seconds[0][p] / seconds[1][p];
        }
        Arrays.sort(ratio);
        Arrays.sort(seconds[0]);
        Arrays.sort(seconds[1]);
        System.out.printf(Locale.ROOT, "%s: A median %.2f M/s best %.2f; B median %.2f best %.2f; "
                        + "speed-up B/A median %.3f (q1 %.3f q3 %.3f)%n",
                args[3], requests / seconds[0][pairs / 2] / 1e6, requests / seconds[0][0] / 1e6,
                requests / seconds[1][pairs / 2] / 1e6, requests / seconds[1][0] / 1e6, ratio[pairs / 2],
                ratio[pairs / 4], ratio[3 * pairs / 4]);
    }

    private static void one(String[] args) throws Exception {
        ClassLoader build = loader(args[1], Path.of(args[2]).toUri().toURL());
        String kase = args[3];
        long requests = Long.parseLong(args[4]);
        int runs = Integer.parseInt(args[5]);
        double[] seconds = new double[runs];
        run(build, kase, requests, 0);
        for (int r = 0; r < runs; r++) {
            seconds[r] = run(build, kase, requests, 0);
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "%s: best %.2f M/s, median %.2f M/s over %d runs%n", args[3],
                requests / seconds[0] / 1e6, requests / seconds[runs / 2] / 1e6, runs);
    }

    private static ClassLoader loader(String classes, URL jar) throws Exception {
        return new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL(), jar},
                ClassLoader.getPlatformClassLoader());
    }

    /**
     * Wall seconds to build a world on the benchmark scenario and run it to its end, tracing {@code sample} of the
     * requests when it is above 0 (a build without sampled traces cannot).
     */
    private static double run(ClassLoader build, String kase, long requests, double sample) throws Exception {
        Class<?> scenario = build.loadClass("lab.overload.models.scenario.Scenario");
        Class<?> world = build.loadClass("lab.overload.engine.component.World");
        double simSeconds;
        Object s;
        if (kase.equals("no") || kase.equals("to")) {
            simSeconds = requests / 90.0;
            s = build.loadClass("lab.overload.engine.run.EngineBench").getMethod("mmc", double.class, boolean.class)
                    .invoke(null, simSeconds, kase.equals("to"));
        } else {
            simSeconds = requests / 20_000.0;
            String bench = kase.equals("platform") ? "PlatformBench" : "LanesBench";
            s = build.loadClass("lab.overload.engine.run." + bench).getMethod("scenario", double.class)
                    .invoke(null, simSeconds);
        }
        Method runUntil = world.getMethod("runUntil", long.class);
        long t0 = System.nanoTime();
        Object w = world.getConstructor(scenario).newInstance(s);
        if (sample > 0) {
            world.getMethod("sampleTraces", double.class, int.class).invoke(w, sample, 500);
        }
        if (Boolean.getBoolean("paired.listen")) {
            java.util.function.Consumer<Object> drop = snapshot -> { };
            world.getMethod("onInterval", java.util.function.Consumer.class).invoke(w, drop);
        }
        runUntil.invoke(w, (long) (simSeconds * 1e6));
        return (System.nanoTime() - t0) / 1e9;
    }
}
