package lab.overload.models.theory;

import static lab.overload.models.theory.Rejects.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LittlesLawTest {

    @Test
    void textbookStoreExample() {
        // 10 customers/hour, each stays 0.5 h -> 5 customers present on average.
        assertEquals(5.0, LittlesLaw.meanNumberInSystem(10.0, 0.5), 1e-12, "L = 10*0.5 within 1e-12");
        assertEquals(10.0, LittlesLaw.arrivalRate(5.0, 0.5), 1e-12, "lambda = 5/0.5 within 1e-12");
        assertEquals(0.5, LittlesLaw.meanTimeInSystem(5.0, 10.0), 1e-12, "W = 5/10 within 1e-12");
    }

    @Test
    void agreesWithPublishedMm2Example() {
        // M/M/2, lambda=9, mu=5: published W = 1.052632 s, L = Lq + a = 7.673684 + 1.8 = 9.473684.
        assertEquals(9.473684, LittlesLaw.meanNumberInSystem(9.0, 1.052632), 1e-5,
                "L = lambda*W for M/M/2 lambda=9 mu=5 within 1e-5 (published W has 6 decimals)");
        assertEquals(MMc.meanNumberInSystem(2, 9.0, 5.0),
                LittlesLaw.meanNumberInSystem(9.0, MMc.meanResponseTime(2, 9.0, 5.0)), 1e-12,
                "Little's law agrees with MMc's independent L = Lq + a within 1e-12");
    }

    @ParameterizedTest(name = "lambda={0}, W={1}")
    @CsvSource({"0.1, 3.0", "7.5, 0.002", "1e6, 2.5e-4", "3.0, 0.0"})
    void solvingForEachVariableRoundTrips(double lambda, double w) {
        double l = LittlesLaw.meanNumberInSystem(lambda, w);
        if (w > 0) {
            assertEquals(lambda, LittlesLaw.arrivalRate(l, w), 1e-12 * lambda, "lambda round trip within 1e-12 rel");
        }
        assertEquals(w, LittlesLaw.meanTimeInSystem(l, lambda), 1e-12 * Math.max(w, 1e-300),
                "W round trip within 1e-12 rel");
    }

    @Test
    void rejectsBadArguments() {
        assertRejects("arrivalRate", () -> LittlesLaw.meanNumberInSystem(-1.0, 1.0));
        assertRejects("meanTimeInSystem", () -> LittlesLaw.meanNumberInSystem(1.0, Double.NaN));
        assertRejects("meanTimeInSystem", () -> LittlesLaw.arrivalRate(1.0, 0.0));
        assertRejects("meanNumberInSystem", () -> LittlesLaw.arrivalRate(-2.0, 1.0));
        assertRejects("arrivalRate", () -> LittlesLaw.meanTimeInSystem(1.0, 0.0));
        assertRejects("meanNumberInSystem", () -> LittlesLaw.meanTimeInSystem(Double.POSITIVE_INFINITY, 1.0));
    }
}
