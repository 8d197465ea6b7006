package lab.overload.app.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.OverloadLabApp.Lab;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.app.view.MainView;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.models.scenario.Scenario;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Shared helpers of the UI tests: running code on the FX thread, waiting for a condition with a readable failure,
 * a {@link Harness} that shows a {@link Lab} on a stage with the same pulse the app uses, and small queries on the
 * chart series and the scene graph.
 *
 * <p>FX calls go through {@link Platform#runLater} and a future rather than {@code WaitForAsyncUtils.asyncFx}: TestFX
 * registers every exception thrown in {@code asyncFx} and rethrows it at the next {@code waitFor}, which would turn
 * an exception a test expects into a failure of a later, unrelated wait.
 */
final class Ui {
    /** Name of the live runner's thread (LiveRunner). */
    static final String SIM_THREAD = "overload-lab-sim";
    /** The window size of harness stages: fits Monocle's default 1280x800 headless screen. */
    static final double WIDTH = 1200;
    static final double HEIGHT = 760;

    private Ui() {
    }

    /** Keeps the app from reading the developer's own ~/.overload-lab/presets folder. */
    static void isolateUserPresets() {
        System.setProperty("overloadlab.userPresets",
                System.getProperty("java.io.tmpdir") + "/overload-lab-ui-tests-no-user-presets");
    }

    static Scenario preset(String file) {
        return PresetCatalog.bundled(file);
    }

    /** Runs on the FX thread and returns the result; an exception thrown there is rethrown here (unwrapped). */
    static <T> T fx(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(MIN_WAIT_MILLIS, TimeUnit.MILLISECONDS); // a hang guard, not a speed claim
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not run the task within " + MIN_WAIT_MILLIS / 1000
                    + " s (blocked?)", e);
        }
    }

    static void fxRun(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }

    /** Runs on the FX thread and returns what it threw (or null), for tests that expect an exception there. */
    static Throwable thrownOnFx(Runnable work) {
        try {
            fxRun(work);
            return null;
        } catch (RuntimeException | Error e) {
            if (e instanceof AssertionError a && a.getMessage() != null && a.getMessage().startsWith("the FX thread")) {
                throw a;
            }
            return e;
        }
    }

    /** Waits (polling on this thread) until the condition holds; fails with {@code what} and the state otherwise. */
    /**
     * Waits for a condition. The timeout is only a guard against a hang, never a speed claim: it is at least
     * {@link #MIN_WAIT_MILLIS}, so a busy build machine cannot fail a test that would pass given time.
     */
    static void await(String what, long timeoutMillis, BooleanSupplier condition, Supplier<String> state) {
        long guard = Math.max(timeoutMillis, MIN_WAIT_MILLIS);
        try {
            WaitForAsyncUtils.waitFor(guard, TimeUnit.MILLISECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            fail("timed out after " + guard + " ms waiting for: " + what + "; state: " + state.get());
        }
    }

    /** The shortest hang guard of {@link #await}. */
    static final long MIN_WAIT_MILLIS = 30_000;

    static void sleep(long millis) {
        WaitForAsyncUtils.sleep(millis, TimeUnit.MILLISECONDS);
    }

    /** The Lab that a started {@link OverloadLabApp} shows (the app keeps it in a private field, no accessor). */
    static Lab labOf(OverloadLabApp app) {
        try {
            Field f = OverloadLabApp.class.getDeclaredField("lab");
            f.setAccessible(true);
            Lab lab = (Lab) f.get(app);
            if (lab == null) {
                fail("OverloadLabApp.start did not build a Lab");
            }
            return lab;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("OverloadLabApp no longer keeps its Lab in field 'lab'; update the test", e);
        }
    }

    /** Mean of a series' values with time in [fromT, toT] (seconds), read on the FX thread; NaN if none. */
    static double mean(TimeSeries s, double fromT, double toT) {
        return fx(() -> {
            double sum = 0;
            int n = 0;
            for (int i = s.lowerBound(fromT); i < s.size() && s.t(i) <= toT + 1e-9; i++) {
                if (!Double.isNaN(s.v(i))) {
                    sum += s.v(i);
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        });
    }

    static int size(TimeSeries s) {
        return fx(s::size);
    }

    static double lastT(TimeSeries s) {
        return fx(s::lastT);
    }

    /** Every series of every chart of the dashboard with its size, e.g. "goodput=12 throughput=12 ..." (FX thread). */
    static String seriesSizes(Lab lab) {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            for (LiveChart c : lab.charts().charts()) {
                for (TimeSeries s : c.series()) {
                    out.add(s.id() + "=" + s.size());
                }
            }
            return String.join(" ", out);
        });
    }

    /** The typed field of a parameter's control (the control has id {@code param-PATH}); from any thread. */
    static TextField fieldOf(MainView view, String path) {
        return Platform.isFxApplicationThread() ? fieldOnFx(view, path) : fx(() -> fieldOnFx(view, path));
    }

    private static TextField fieldOnFx(MainView view, String path) {
        {
            Node control = find(view.getRight(), n -> ("param-" + path).equals(n.getId()));
            if (control == null) {
                fail("no control with id param-" + path + " in the parameter panel");
            }
            Node field = find(control, n -> n instanceof TextField);
            if (field == null) {
                fail("the control of " + path + " has no text field");
            }
            return (TextField) field;
        }
    }

    /** Depth-first search of the scene graph, also through ScrollPane and TitledPane content (FX thread). */
    static Node find(Node root, Predicate<Node> p) {
        if (root == null) {
            return null;
        }
        if (p.test(root)) {
            return root;
        }
        List<Node> next = new ArrayList<>();
        if (root instanceof ScrollPane sp) {
            next.add(sp.getContent());
        }
        if (root instanceof TitledPane tp) {
            next.add(tp.getContent());
        }
        if (root instanceof Parent parent) {
            next.addAll(parent.getChildrenUnmodifiable());
        }
        for (Node n : next) {
            Node hit = find(n, p);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** Live threads named like the sim thread. */
    static List<Thread> simThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && SIM_THREAD.equals(t.getName())).toList();
    }

    static String describe(List<Thread> threads) {
        return threads.stream().map(t -> "'" + t.getName() + "' (" + t.getState() + (t.isDaemon() ? ", daemon" : "")
                + ")").collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * A {@link Lab} on a stage, pulsed by an AnimationTimer exactly as {@code OverloadLabApp.start} does (but without
     * its key wiring or auto-play). Build it in a TestFX {@code @Start} method (FX thread); close it after the test.
     */
    static final class Harness implements AutoCloseable {
        final Lab lab;
        private final AnimationTimer timer;

        private Harness(Lab lab, AnimationTimer timer) {
            this.lab = lab;
            this.timer = timer;
        }

        /** FX thread only (a TestFX {@code @Start} method). */
        static Harness show(Stage stage, Scenario scenario) {
            return show(stage, scenario, WIDTH, HEIGHT);
        }

        /** A harness whose scene has the given size (FX thread only). */
        static Harness show(Stage stage, Scenario scenario, double width, double height) {
            Lab lab = Lab.create(scenario, width, height);
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    lab.pulse();
                }
            };
            stage.setScene(lab.scene());
            stage.setTitle("Overload Lab (UI test)");
            stage.show();
            timer.start();
            return new Harness(lab, timer);
        }

        long simMicros() {
            return lab.vm().runner().status().simMicros();
        }

        /**
         * Fast-forwards (paused, as fast as the engine goes, deterministic) to a sim time in whole seconds, then waits
         * until the pulse has drained every frame up to it into the chart series.
         */
        void fastForwardTo(double seconds) {
            long target = Math.round(seconds * 1e6);
            lab.vm().runner().runTo(target);
            await("sim time reaches " + seconds + " s", 20_000, () -> simMicros() >= target,
                    () -> "sim at " + simMicros() / 1e6 + " s");
            await("the charts show the interval ending at " + seconds + " s", 5_000,
                    () -> lastT(lab.charts().goodput) >= seconds - 1e-9,
                    () -> "goodput series ends at " + lastT(lab.charts().goodput) + " s");
        }

        @Override
        public void close() {
            fxRun(() -> {
                timer.stop();
                lab.vm().close();
            });
        }
    }
}
