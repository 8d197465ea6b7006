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
        static Stats of(long[] nanos, int n) {
            long[] v = Arrays.copyOf(nanos, n);
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

    /** The benchmark's results. */
    public record Result(double wallSeconds, double simSeconds, Stats frame, Stats pulseWork, Stats probe,
                         double heapStartMb, double heapEndMb) {
        public String report() {
            return String.format(Locale.ROOT,
                    "wall %.1f s, sim %.1f s (%.1fx)%nframe time   %s%npulse work   %s%nprobe        %s%n"
                            + "heap after GC: start %.1f MB, end %.1f MB%n",
                    wallSeconds, simSeconds, simSeconds / wallSeconds, frame, pulseWork, probe, heapStartMb,
                    heapEndMb);
        }
    }

    private FrameBench() {
    }

    public static Result run(Scenario scenario, double speed, double wallSeconds) throws InterruptedException {
        HeadlessFx.start();
        int max = (int) (wallSeconds * 200) + 1000;
        long[] frames = new long[max];
        long[] work = new long[max];
        long[] probes = new long[(int) (wallSeconds * 20) + 100];
        int[] counts = new int[3];
        AtomicLong last = new AtomicLong();
        double heapStart = heapAfterGc();
        OverloadLabApp.Lab lab = HeadlessFx.onFx(() -> {
            OverloadLabApp.Lab l = OverloadLabApp.Lab.create(scenario.withDuration(1e5, 0), 1600, 960);
            Stage stage = new Stage();
            stage.setScene(l.scene());
            stage.show();
            l.vm().setSpeed(speed);
            l.vm().play();
            return l;
        });
        AnimationTimer timer = HeadlessFx.onFx(() -> {
            AnimationTimer t = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t0 = System.nanoTime();
                    long prev = last.getAndSet(t0);
                    if (prev != 0 && counts[0] < frames.length) {
                        frames[counts[0]++] = t0 - prev;
                    }
                    lab.pulse();
                    if (counts[1] < work.length) {
                        work[counts[1]++] = System.nanoTime() - t0;
                    }
                }
            };
            t.start();
            return t;
        });
        long start = System.nanoTime();
        while (System.nanoTime() - start < wallSeconds * 1e9) {
            CountDownLatch done = new CountDownLatch(1);
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                if (counts[2] < probes.length) {
                    probes[counts[2]++] = System.nanoTime() - posted;
                }
                done.countDown();
            });
            done.await();
            Thread.sleep(100);
        }
        double simSeconds = lab.vm().runner().status().simMicros() / 1e6;
        double wall = (System.nanoTime() - start) / 1e9;
        Stats[] stats = HeadlessFx.onFx(() -> {
            timer.stop();
            lab.vm().close();
            ((Stage) lab.scene().getWindow()).close();
            return new Stats[] {Stats.of(frames, counts[0]), Stats.of(work, counts[1]), Stats.of(probes, counts[2])};
        });
        double heapEnd = heapAfterGc();
        return new Result(wall, simSeconds, stats[0], stats[1], stats[2], heapStart, heapEnd);
    }

    private static double heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (rt.totalMemory() - rt.freeMemory()) / 1e6;
    }
}
