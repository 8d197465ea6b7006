package lab.overload.app.viewmodel;

import java.util.Locale;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.ServiceSpec;

/**
 * The numbers the lesson panel shows next to a preset's formula, computed from the current parameters and the last
 * second of measurements: Little's law L = lambda x W next to the measured L, and two loads of a service that mean
 * the same thing in every state (shown for a scenario with one service and no functions, where the run's totals are
 * the service's own):
 * <ul>
 *   <li>rho, <b>offered load / capacity</b> = lambda_offered x S / c: new requests per second (not retries) times
 *       the mean work of a request S (service time x mean request size) over the attempts the service can work on at
 *       full speed, c = hosts x min(workers, cores). Above 1 the clients ask for more than the service can do,
 *       whether it queues, sheds or collapses; retries do not raise it, so it does not read 0.99 while stuck or 1.66
 *       while healthy under shedding.</li>
 *   <li><b>utilisation</b> = busy workers / workers, measured: how full the worker pool is, whatever the work is
 *       for (a collapsed service reads 1.00, busy with requests whose clients left).</li>
 * </ul>
 */
public final class LessonFormulas {
    /** What the two load numbers mean, for the lesson panel's tooltip and the docs. */
    public static final String DEFINITIONS = "\u03c1 = offered load / capacity = \u03bb \u00d7 S / c: new requests"
            + " per second (retries not counted) times the mean work of a request (service time \u00d7 mean size),"
            + " over the requests the service can work on at once at full speed (hosts \u00d7 min(workers, cores))."
            + " Above 1 the clients ask for more than the service can do.\n"
            + "utilisation = busy workers / workers, measured over the last second: how full the worker pool is,"
            + " whether the work helps anyone or not.\n"
            + "Little's law: L = \u03bb \u00d7 W, requests in the system = arrival rate \u00d7 mean time in system.";

    private LessonFormulas() {
    }

    /**
     * Offered load over capacity of a service: requests per second times mean work (service time x mean request
     * size of its clients) divided by the number of attempts it can work on at full speed (hosts x min(workers,
     * cores)).
     */
    public static double rho(Scenario scenario, ServiceSpec service, double requestsPerSecond) {
        return requestsPerSecond * meanWorkSeconds(scenario, service) / parallel(service);
    }

    private static double meanWorkSeconds(Scenario scenario, ServiceSpec service) {
        double size = 0;
        int n = 0;
        for (ClientSpec c : scenario.clients()) {
            if (c.target().equals(service.name())) {
                size += c.sizeMean();
                n++;
            }
        }
        return service.serviceTimeMillis() / 1000 * (n == 0 ? 1 : size / n);
    }

    private static int parallel(ServiceSpec service) {
        return Math.min(service.workersPerHost(), service.effectiveCores()) * service.hosts();
    }

    static String describe(Scenario scenario, RollingWindow w) {
        if (w.isEmpty()) {
            return "Press play to measure.";
        }
        StringBuilder sb = new StringBuilder();
        double lambda = w.arrivalRate();
        double wSec = w.meanTimeInSystem();
        sb.append(String.format(Locale.ROOT, "Little's law: \u03bb \u00d7 W = %.1f/s \u00d7 %.3f s = %.2f; measured L = %.2f",
                lambda, wSec, lambda * wSec, w.inSystem()));
        if (scenario.services().size() == 1 && scenario.functions().isEmpty()) { // else the totals are not its load
            ServiceSpec s = scenario.services().get(0);
            sb.append(String.format(Locale.ROOT,
                    "%n\u03c1 (offered load / capacity) = \u03bb \u00d7 S / c = %.1f/s \u00d7 %.1f ms / %d = %.2f",
                    lambda, meanWorkSeconds(scenario, s) * 1000, parallel(s), rho(scenario, s, lambda)));
            sb.append(String.format(Locale.ROOT, "%nutilisation (busy workers / workers) = %.1f / %.0f = %.2f",
                    w.busyWorkers(), w.workers(), w.busyWorkers() / w.workers()));
        }
        return sb.toString();
    }
}
