package lab.overload.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicksTest {

    @Test
    void range0To347WithEightIntervalsStepsBy50To350() {
        double[] expected = IntStream.rangeClosed(0, 7).mapToDouble(k -> 50.0 * k).toArray();
        assertArrayEquals(expected, Ticks.linear(0, 347, 8).values());
    }

    @Test
    void range0To347WithFiveIntervalsStepsBy100To400() {
        assertArrayEquals(new double[] {0, 100, 200, 300, 400}, Ticks.linear(0, 347, 5).values());
    }

    @ParameterizedTest(name = "[{0}, {1}] target {2} -> step {3}")
    @CsvSource({
        "0, 347, 8, 50",
        "0, 347, 5, 100",
        "0, 1, 5, 0.2",
        "0, 0.07, 7, 0.01",
        "0, 12000, 5, 5000",
        "0, 100, 5, 20",
        "-30, 70, 4, 50",
        "0, 9.5, 10, 1"})
    void stepIsTheSmallestOneTwoFiveAtLeastRangeOverTarget(double min, double max, int target, double step) {
        Ticks ticks = Ticks.linear(min, max, target);
        assertEquals(step, ticks.step(), step * 1e-12);
        double raw = (max - min) / target;
        assertTrue(ticks.step() >= raw, "step " + ticks.step() + " must be at least range/target = " + raw);
        assertTrue(ticks.lo() <= min && ticks.hi() >= max, "ticks " + ticks + " must enclose " + min + ".." + max);
        assertTrue(ticks.hi() - ticks.step() < max, "last tick is the first at or above max: " + ticks);
    }

    @Test
    void decimalTicksAreExactMultiplesWithoutDrift() {
        double[] values = Ticks.linear(0, 0.7, 7).values();
        assertEquals(0.3, values[3], 0.0, "k × step computed from integers, not by repeated addition");
        assertEquals(0.7, values[7], 0.0);
    }

    @Test
    void degenerateZeroRangeStillGivesAnAxisFromZero() {
        Ticks ticks = Ticks.linear(0, 0, 5);
        assertEquals(0, ticks.lo());
        assertEquals(1, ticks.hi(), 1e-12);
    }

    @Test
    void withinKeepsOnlyTicksInsideTheScrollingWindow() {
        assertArrayEquals(new double[] {100, 120, 140, 160, 180, 200}, Ticks.within(95, 215, 6).values());
    }

    @Test
    void logDecadesEncloseTheRange() {
        assertArrayEquals(new double[] {0.1, 1, 10, 100, 1000, 10000}, Ticks.logDecades(0.3, 2000).values());
    }

    @Test
    void logRangeOnExactDecadesDoesNotAddAnExtraDecade() {
        assertArrayEquals(new double[] {1, 10, 100}, Ticks.logDecades(1, 100).values());
        assertArrayEquals(new double[] {10, 100}, Ticks.logDecades(50, 50).values(), "a single value gets a decade");
    }

    @Test
    void labelsUseTheStepsDecimalsAndThousandsSuffixes() {
        assertArrayEquals(new String[] {"0", "10k", "20k", "30k", "40k"}, labels(Ticks.linear(0, 34000, 4)));
        assertArrayEquals(new String[] {"0", "0.5", "1.0"}, labels(Ticks.linear(0, 1, 2)));
        assertArrayEquals(new String[] {"0", "500", "1000", "1500"}, labels(Ticks.linear(0, 1400, 3)));
        assertArrayEquals(new String[] {"0.1", "1", "10", "100", "1k", "10k"}, labels(Ticks.logDecades(0.3, 2000)));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource({"1234, 1234", "12.345, 12.3", "12345, 12.3k", "2500000, 2.50M", "0.5, 0.50", "0, 0.00",
        "-42.04, -42.0"})
    void legendValuesShowAboutThreeSignificantDigits(double value, String expected) {
        assertEquals(expected, Ticks.formatValue(value));
    }

    @Test
    void gapValuesShowAsADash() {
        assertEquals("–", Ticks.formatValue(Double.NaN));
    }

    @Test
    void invalidRangesAreRejectedWithTheRangeInTheMessage() {
        IllegalArgumentException linear = assertThrows(IllegalArgumentException.class, () -> Ticks.linear(5, 1, 5));
        assertTrue(linear.getMessage().contains("5.0..1.0"), linear.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ticks.logDecades(0, 10));
        assertThrows(IllegalArgumentException.class, () -> Ticks.linear(0, Double.NaN, 5));
    }

    private static String[] labels(Ticks ticks) {
        return IntStream.range(0, ticks.count()).mapToObj(ticks::label).toArray(String[]::new);
    }
}
