package lab.overload.models.theory;

import static lab.overload.models.theory.Rejects.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangTest {

    /** Direct textbook sums a^k/k!, fine for small c. */
    private static double[] terms(int c, double a) {
        double[] t = new double[c + 1];
        t[0] = 1.0;
        for (int k = 1; k <= c; k++) {
            t[k] = t[k - 1] * a / k;
        }
        return t;
    }

    @ParameterizedTest(name = "c={0}, a={1}")
    @CsvSource({"1, 0.5", "2, 1.8", "5, 3.0", "10, 5.0", "10, 12.0", "30, 25.5", "3, 0.01"})
    void erlangBMatchesDirectFormula(int c, double a) {
        double[] t = terms(c, a);
        double sum = 0;
        for (double x : t) {
            sum += x;
        }
        double expected = t[c] / sum;
        assertEquals(expected, Erlang.erlangB(c, a), 1e-13 * expected, "E_B direct sum within 1e-13 rel");
        assertEquals(Math.log(expected), Erlang.logErlangB(c, a), 1e-12, "ln E_B within 1e-12 abs");
    }

    @ParameterizedTest(name = "c={0}, a={1}")
    @CsvSource({"1, 0.5", "2, 1.8", "5, 3.0", "10, 9.9", "30, 25.5", "3, 0.01"})
    void erlangCMatchesDirectFormula(int c, double a) {
        double[] t = terms(c, a);
        double below = 0;
        for (int k = 0; k < c; k++) {
            below += t[k];
        }
        double top = t[c] * c / (c - a);
        double expected = top / (below + top);
        assertEquals(expected, Erlang.erlangC(c, a), 1e-12 * expected, "E_C direct sum within 1e-12 rel");
        assertEquals(Math.log(expected), Erlang.logErlangC(c, a), 1e-12, "ln E_C within 1e-12 abs");
    }

    @Test
    void mm1ProbabilityOfWaitingIsRho() {
        assertEquals(0.7, Erlang.erlangC(1, 0.7), 1e-15, "E_C(1, a) = a within 1e-15");
        assertEquals(0.7 / 1.7, Erlang.erlangB(1, 0.7), 1e-15, "E_B(1, a) = a/(1+a) within 1e-15");
    }

    @Test
    void logErlangCForTenThousandServersMatchesHighPrecisionValue() {
        // Reference from 60-digit arithmetic: ln E_C(10000, 9000) = -56.82668853779506...
        assertEquals(-56.8266885378, Erlang.logErlangC(10000, 9000.0), 1e-8,
                "ln E_C(c=10000, a=9000) within 1e-8 abs");
        double expected = Math.exp(-56.8266885377950612);
        assertEquals(expected, Erlang.erlangC(10000, 9000.0), 1e-9 * expected,
                "E_C(10000, 9000) = exp(-56.82668853779506) within 1e-9 rel");
    }

    @Test
    void logErlangBBeyondDoubleRangeMatchesLogSumExp() {
        // ln E_B = c ln a - ln c! - ln Σ_{k<=c} a^k/k!, evaluated here by log-sum-exp over explicit log terms.
        int c = 10000;
        double a = 5000.0;
        double[] lt = new double[c + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= c; k++) {
            lt[k] = lt[k - 1] + Math.log(a) - Math.log(k);
            max = Math.max(max, lt[k]);
        }
        double s = 0;
        for (int k = 0; k <= c; k++) {
            s += Math.exp(lt[k] - max);
        }
        double expected = lt[c] - (max + Math.log(s));
        assertEquals(expected, Erlang.logErlangB(c, a), 1e-8, "ln E_B(10000, 5000) within 1e-8 abs");
        assertEquals(0.0, Erlang.erlangB(c, a), 0.0, "E_B(10000, 5000) ~ e^-1937 underflows to 0 exactly");
    }

    @Test
    void degenerateLoads() {
        assertEquals(1.0, Erlang.erlangB(0, 3.0), 0.0, "no servers: everything blocked, exact");
        assertEquals(0.0, Erlang.erlangB(4, 0.0), 0.0, "no load: nothing blocked, exact");
        assertEquals(Double.NEGATIVE_INFINITY, Erlang.logErlangC(4, 0.0), 0.0, "ln 0 = -inf, exact");
    }

    @Test
    void rejectsBadArguments() {
        assertRejects("c", () -> Erlang.erlangB(-1, 1.0));
        assertRejects("a", () -> Erlang.erlangB(2, -0.5));
        assertRejects("a", () -> Erlang.logErlangB(2, Double.NaN));
        assertRejects("c", () -> Erlang.erlangC(0, 0.5));
        assertRejects("a", () -> Erlang.erlangC(3, 3.0));
        assertRejects("a", () -> Erlang.logErlangC(3, 4.0));
        assertRejects("a", () -> Erlang.erlangC(3, Double.POSITIVE_INFINITY));
    }
}
