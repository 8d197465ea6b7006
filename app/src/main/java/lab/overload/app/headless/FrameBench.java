package lab.overload.app.headless;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import lab.overload.app.OverloadLabApp;
import lab.overload.models.scenario.Scenario;

/**
 * Headless frame-time benchmark: the full dashboard on a scenario with the engine at a given speed, measuring the
 * time between pulses (frame time), the time the lab's own pulse work takes, the FX thread's response time to a
 * probe posted every 100 ms from another thread, and the heap after GC at the start and end of the run.
 */
public final class FrameBench {
    /**
     * Percentiles of one measurement, in milliseconds, and the shares of values over one and over two 60 Hz frame
     * periods (16.7 and 33.3 ms), in percent.
     */
    public record Stats(int count, double p50, double p95, double p99, double max, double over1Frame,
                        double over2Frames) {
        static Stats of(long[] nanos) {
            long[] v = nanos.clone();
            int n = v.length;
            Arrays.sort(v);
            return new Stats(n, pct(v, 50), pct(v, 95), pct(v, 99), n == 0 ? Double.NaN : v[n - 1] / 1e6,
                    shareOver(v, 1e9 / 60), shareOver(v, 2e9 / 60));
        }

        private static double shareOver(long[] v, double nanos) {
            long over = Arrays.stream(v).filter(x -> x > nanos).count();
            return v.length == 0 ? Double.NaN : 100.0 * over / v.length;
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, i)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms, over 16.7 ms %.1f%%, over 33.3 ms %.1f%%",
                    count, p50, p95, p99, max, over1Frame, over2Frames);
        }
    }

    /**
     * The benchmark's results; {@code overBySegment} is the share of frames over 16.7 ms in each
     * {@link #SEGMENT_SECONDS} of wall time, in percent (it shows warm-up apart from the steady state).
     */
    public record Result(double wallSeconds, double warmupSeconds, double simSeconds, Stats frame, Stats pulseWork,
                         Stats probe, double heapStartMb, double heapEndMb, double[] overBySegment) {
        public String report() {
            StringBuilder segments = new StringBuilder();
            for (double share : overBySegment) {
                segments.append(Double.isNaN(share) ? " -" : String.format(Locale.ROOT, " %.1f", share));
            }
            return String.format(Locale.ROOT,
                    "wall %.1f s (%s), sim %.1f s (%.1fx)%n"
                            + "frame time   %s%npulse work   %s%nprobe        %s%n"
                            + "frames over 16.7 ms per %d s of wall time (%%):%s%n"
                            + "heap after GC: start %.1f MB, end %.1f MB%n",
                    wallSeconds, warmupSeconds > 0 ? String.format(Locale.ROOT,
                            "the first %.1f s are warm-up, not in the percentiles", warmupSeconds) : "no warm-up",
                    simSeconds, simSeconds / wallSeconds, frame, pulseWork, probe, SEGMENT_SECONDS,
                    segments, heapStartMb, heapEndMb);
        }
    }

    /** Wall seconds per segment of {@link Result#overBySegment}. */
    public static final int SEGMENT_SECONDS = 10;

    private FrameBench() {
    }

    /**
     * Runs the dashboard for {@code warmupSeconds} plus {@code wallSeconds} of wall time. The percentiles cover only
     * the measured part after the warm-up (the JIT compiles the renderer during the first seconds); the per-segment
     * shares cover the whole run, warm-up included.
     */
    public static Result run(Scenario scenario, double speed, double wallSeconds, double warmupSeconds)
            throws InterruptedException {
        return run(scenario, speed, wallSeconds, warmupSeconds, "", lab -> { });
    }

    /**
     * As above, showing the chart tab whose title ends with {@code tab} (ignoring case, e.g. "queues" or "overview";
     * empty: the overview). Throws IllegalArgumentException naming the tabs when the scenario has no such tab.
     */
    public static Result run(Scenario scenario, double speed, double wallSeconds, double warmupSeconds, String tab)
            throws InterruptedException {
        return run(scenario, speed, wallSeconds, warmupSeconds, tab, lab -> { });
    }

    /** As {@link #run(Scenario, double, double, double)}, with {@code setup} applied to the window first (FX thread). */
    public static Result run(Scenario scenario, double speed, double wallSeconds, double warmupSeconds,
                             java.util.function.Consumer<OverloadLabApp.Lab> setup) throws InterruptedException {
        return run(scenario, speed, wallSeconds, warmupSeconds, "", setup);
    }

    /** As {@link #run(Scenario, double, double, double, String)}, with {@code setup} applied to the window first. */
    public static Result run(Scenario scenario, double speed, double wallSeconds, double warmupSeconds, String tab,
                             java.util.function.Consumer<OverloadLabApp.Lab> setup) throws InterruptedException {
        HeadlessFx.start();
        double totalSeconds = warmupSeconds + wallSeconds;
        int max = (int) (totalSeconds * 200) + 1000;
        long[] frames = new long[max];
        long[] frameAt = new long[max];
        long[] work = new long[max];
        long[] probes = new long[(int) (totalSeconds * 20) + 100];
        long[] probeAt = new long[probes.length];
        int[] counts = new int[2];
        AtomicLong last = new AtomicLong();
        double heapStart = heapAfterGc();
        OverloadLabApp.Lab lab = open(scenario, speed, tab, setup);
        AnimationTimer timer = HeadlessFx.onFx(() -> {
            AnimationTimer t = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t0 = System.nanoTime();
                    long prev = last.getAndSet(t0);
                    lab.pulse();
                    if (prev != 0 && counts[0] < frames.length) {
                        frameAt[counts[0]] = t0;
                        work[counts[0]] = System.nanoTime() - t0;
                        frames[counts[0]++] = t0 - prev;
                    }
                }
            };
            t.start();
            return t;
        });
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() - start < totalSeconds * 1e9) {
            CountDownLatch done = new CountDownLatch(1);
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                if (counts[1] < probes.length) {
                    probeAt[counts[1]] = posted;
                    probes[counts[1]++] = System.nanoTime() - posted;
                }
                done.countDown();
            });
            done.await();
            Thread.sleep(100);
        }
        long end = System.nanoTime();
        double simSeconds = lab.vm().runner().status().simMicros() / 1e6;
        double wall = (end - start) / 1e9;
        HeadlessFx.onFx(() -> {
            timer.stop();
            lab.vm().close();
            ((Stage) lab.scene().getWindow()).close();
            return null;
        });
        double heapEnd = heapAfterGc();
        int n = counts[0];
        Stats frame = Stats.of(between(frames, frameAt, n, measureFrom, end));
        Stats pulseWork = Stats.of(between(work, frameAt, n, measureFrom, end));
        Stats probe = Stats.of(between(probes, probeAt, counts[1], measureFrom, end));
        int segments = Math.max(1, (int) Math.ceil(totalSeconds / SEGMENT_SECONDS));
        int[] over = new int[segments];
        int[] all = new int[segments];
        for (int i = 0; i < n; i++) {
            if (frameAt[i] >= end) {
                continue;
            }
            long since = Math.max(0, frameAt[i] - start); // the timer starts just before the clock does
            int k = (int) Math.min(segments - 1, since / (SEGMENT_SECONDS * 1_000_000_000L));
            all[k]++;
            over[k] += frames[i] > 1e9 / 60 ? 1 : 0;
        }
        double[] overBySegment = new double[segments];
        for (int k = 0; k < segments; k++) {
            overBySegment[k] = all[k] == 0 ? Double.NaN : 100.0 * over[k] / all[k];
        }
        return new Result(wall, warmupSeconds, simSeconds, frame, pulseWork, probe, heapStart, heapEnd, overBySegment);
    }

    /** The values whose time stamp is in [from, to). */
    private static long[] between(long[] values, long[] at, int n, long from, long to) {
        return java.util.stream.IntStream.range(0, n).filter(i -> at[i] >= from && at[i] < to)
                .mapToLong(i -> values[i]).toArray();
    }

    /** The window on the scenario, playing at {@code speed}, showing the chart tab named by {@code tab}. */
    private static OverloadLabApp.Lab open(Scenario scenario, double speed, String tab,
                                           java.util.function.Consumer<OverloadLabApp.Lab> setup) {
        try {
            return HeadlessFx.onFx(() -> {
                OverloadLabApp.Lab l = OverloadLabApp.Lab.create(scenario.withDuration(1e5, 0), 1600, 960);
                Stage stage = new Stage();
                stage.setScene(l.scene());
                stage.show();
                if (!tab.isEmpty()) {
                    var tabs = l.view().chartsView().getTabs();
                    var pick = tabs.stream().filter(t -> t.getText().toLowerCase(java.util.Locale.ROOT)
                            .endsWith(tab.toLowerCase(java.util.Locale.ROOT))).findFirst();
                    if (pick.isEmpty()) {
                        l.vm().close();
                        stage.close();
                        throw new IllegalArgumentException("--tab: no chart tab '" + tab
                                + "' for this scenario; its tabs: "
                                + tabs.stream().map(javafx.scene.control.Tab::getText).toList());
                    }
                    l.view().chartsView().getSelectionModel().select(pick.get());
                }
                setup.accept(l);
                l.vm().setSpeed(speed);
                l.vm().play();
                return l;
            });
        } catch (IllegalStateException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException bad) {
                    throw bad;
                }
            }
            throw e;
        }
    }

    private static double heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (rt.totalMemory() - rt.freeMemory()) / 1e6;
    }
}
