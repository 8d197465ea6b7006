package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Splitting a request into sequential pages. */
class PaginationTest {

    @ParameterizedTest(name = "size {0}, page {1}: {2} pages")
    @CsvSource({"3.5, 1, 4", "3, 1, 3", "0.5, 1, 1", "1, 1, 1", "10, 0.25, 40", "2.0001, 1, 3"})
    void pageCountIsTheCeilingOfSizeOverPageSize(double size, double page, int expected) {
        assertEquals(expected, Pagination.pages(size, page));
    }

    @Test
    void aSize35RequestWithPageSize1IsFourPagesOf1110Point5() {
        Pagination p = new Pagination();
        List<Double> sizes = new ArrayList<>();
        int slot = 3;
        sizes.add(p.start(slot, 3.5, 1));
        assertEquals(4, p.pageCount(slot));
        int[] nextSlots = {7, 7, 2};
        for (int next : nextSlots) {
            assertTrue(p.hasNext(slot));
            sizes.add(p.next(slot, next));
            slot = next;
        }
        assertFalse(p.hasNext(slot), "the last page has no successor");
        assertEquals(List.of(1.0, 1.0, 1.0, 0.5), sizes);
        assertFalse(p.hasNext(3), "the sequence moved with its pages");
        p.end(slot);
        assertEquals(1, p.pageCount(slot));
    }

    @Test
    void aRequestThatFitsIsOnePageOfItsOwnSize() {
        Pagination p = new Pagination();
        assertEquals(0.7, p.start(500, 0.7, 1));
        assertFalse(p.hasNext(500));
    }
}
