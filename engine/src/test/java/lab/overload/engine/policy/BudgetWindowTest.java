package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The sliding window: 10 buckets per window; an event counts until its whole bucket leaves the window. */
class BudgetWindowTest {

    @Test
    void eventsExpireWithTheirBucketOneWindowLater() {
        BudgetWindow w = new BudgetWindow(2, 10_000_000, 0);
        w.add(500_000, 0, 1);
        w.add(1_500_000, 0, 2);
        w.add(1_500_000, 1, 7);
        assertEquals(3, w.sum(9_999_999, 0));
        assertEquals(2, w.sum(10_000_000, 0), "the [0, 1 s) bucket left at 10 s");
        assertEquals(7, w.sum(10_999_999, 1));
        assertEquals(0, w.sum(11_000_000, 0));
        assertEquals(0, w.sum(11_000_000, 1));
        w.add(50_000_000, 0, 4);
        assertEquals(4, w.sum(50_000_000, 0), "a long jump clears everything");
    }

    @Test
    void resizingKeepsTheCountsForOneNewWindow() {
        BudgetWindow w = new BudgetWindow(1, 10_000_000, 0);
        w.add(0, 0, 5);
        w.setWindow(2_000_000, 3_000_000);
        assertEquals(5, w.sum(4_999_999, 0));
        assertEquals(0, w.sum(5_000_000, 0));
        w.add(5_000_000, 0, 1);
        w.clear(5_000_000);
        assertEquals(0, w.sum(5_000_000, 0));
    }

    @Test
    void tooShortAWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BudgetWindow(1, 9, 0));
    }
}
