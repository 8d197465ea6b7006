package lab.overload.app.viewmodel;

import java.util.Locale;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.ServiceSpec;

/**
 * The numbers the lesson panel shows next to a preset's formula, computed from the current parameters and the last
 * second of measurements: utilisation rho = attempt rate x mean work / capacity, and Little's law L = lambda x W
 * next to the measured L.
 */
public final class LessonFormulas {
    private LessonFormulas() {
    }

    /**
     * Offered utilisation of a service: attempts per second times mean work (service time x mean request size of
     * its clients) divided by the number of attempts it can work on at full speed (hosts x min(workers, cores)).
     */
    public static double rho(Scenario scenario, ServiceSpec service, double attemptsPerSecond) {
        double size = 0;
        int n = 0;
        for (ClientSpec c : scenario.clients()) {
            if (c.target().equals(service.name())) {
                size += c.sizeMean();
                n++;
            }
        }
        double meanWorkSeconds = service.serviceTimeMillis() / 1000 * (n == 0 ? 1 : size / n);
        int parallel = Math.min(service.workersPerHost(), service.effectiveCores()) * service.hosts();
        return attemptsPerSecond * meanWorkSeconds / parallel;
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
        if (scenario.services().size() == 1) {
            ServiceSpec s = scenario.services().get(0);
            sb.append(String.format(Locale.ROOT, "%n\u03c1 = attempts/s \u00d7 S / parallelism = %.1f \u00d7 %.1f ms / %d = %.2f",
                    w.attemptRate(), s.serviceTimeMillis(), Math.min(s.workersPerHost(), s.effectiveCores()) * s.hosts(),
                    rho(scenario, s, w.attemptRate())));
        }
        return sb.toString();
    }
}
