package lab.overload.models.theory;

import static lab.overload.models.theory.Rejects.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UslTest {

    @ParameterizedTest(name = "N={0}, serial={1}")
    @CsvSource({"1, 0.1", "4, 0.05", "64, 0.2", "1000, 0.01", "16, 0.0"})
    void kappaZeroIsAmdahl(double n, double serial) {
        // Amdahl speedup 1 / (s + (1 - s)/N).
        double amdahl = 1.0 / (serial + (1.0 - serial) / n);
        assertEquals(amdahl * 250.0, Usl.throughput(n, 250.0, serial, 0.0), 1e-12 * amdahl * 250.0,
                "USL kappa=0 equals Amdahl within 1e-12 rel");
    }

    @ParameterizedTest(name = "sigma={0}, kappa={1}")
    @CsvSource({"0.05, 0.001", "0.3, 1e-4", "0.0, 0.02"})
    void peakIsStationaryMaximum(double sigma, double kappa) {
        double peak = Usl.peakConcurrency(sigma, kappa);
        assertEquals(Math.sqrt((1 - sigma) / kappa), peak, 1e-12 * peak, "N* = sqrt((1-sigma)/kappa) within 1e-12 rel");
        double h = 1e-4 * peak;
        double derivative = (Usl.throughput(peak + h, 1.0, sigma, kappa) - Usl.throughput(peak - h, 1.0, sigma, kappa))
                / (2 * h);
        double xPeak = Usl.throughput(peak, 1.0, sigma, kappa);
        assertEquals(0.0, derivative / xPeak * peak, 1e-6, "relative dX/dN at N* within 1e-6 of 0");
        assertTrue(xPeak > Usl.throughput(0.9 * peak, 1.0, sigma, kappa)
                && xPeak > Usl.throughput(1.1 * peak, 1.0, sigma, kappa), "X(N*) exceeds X at 0.9N* and 1.1N*");
    }

    @Test
    void slowdownAndResponseTimeFollowLittle() {
        assertEquals(1.0, Usl.slowdown(1.0, 0.4, 0.1), 0.0, "no slowdown at N=1, exact");
        double n = 32;
        double slowdown = 1 + 0.05 * 31 + 0.001 * 32 * 31;
        assertEquals(slowdown, Usl.slowdown(n, 0.05, 0.001), 1e-12, "slowdown 1+sigma(N-1)+kappa N(N-1) within 1e-12");
        double x = Usl.throughput(n, 100.0, 0.05, 0.001);
        assertEquals(n / x, Usl.responseTime(n, 100.0, 0.05, 0.001), 1e-12, "R = N/X (Little) within 1e-12");
    }

    @Test
    void rejectsBadArguments() {
        assertRejects("n", () -> Usl.throughput(0.5, 1.0, 0.1, 0.01));
        assertRejects("lambda", () -> Usl.throughput(2, 0.0, 0.1, 0.01));
        assertRejects("sigma", () -> Usl.slowdown(2, 1.2, 0.01));
        assertRejects("kappa", () -> Usl.slowdown(2, 0.1, -0.01));
        assertRejects("kappa", () -> Usl.peakConcurrency(0.1, 0.0));
        assertRejects("sigma", () -> Usl.peakConcurrency(1.0, 0.1));
    }
}
