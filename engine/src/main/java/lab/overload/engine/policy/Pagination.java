package lab.overload.engine.policy;

import java.util.Arrays;

/**
 * Client-side pagination: a request of size s larger than the page size q is sent as n = ceil(s / q) sequential page
 * requests, pages 0 .. n-2 of size q and the last of size s - (n - 1) q (so 3.5 with q = 1 gives 1, 1, 1, 0.5). The
 * next page is requested when the previous one succeeds; a page that fails ends the sequence (the remaining pages
 * are never sent).
 *
 * <p>How it counts: each page is a logical request in the outcome vocabulary (it arrives, has attempts and retries,
 * and ends in one request outcome), so requests, goodput and latency are per page; a request of size s &gt; q
 * contributes n requests. The client group keeps the page sequence of each request here, by the request's pool slot;
 * the arrays grow with the largest slot and are reused, so steady state allocates nothing.
 *
 * <p>Thread rule: single writer (the simulation thread).
 */
public final class Pagination {
    private double[] totalSize = new double[64];
    private double[] pageSize = new double[64];
    private int[] pageIndex = new int[64];
    private int[] pageCount = new int[64];

    /** Pages for a request of {@code size} with pages of {@code pageSize}: ceil(size / pageSize), at least 1. */
    public static int pages(double size, double pageSize) {
        if (!(pageSize > 0)) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(size / pageSize)));
    }

    /** Size of page {@code index} (0-based) of a request of {@code size} split into {@code pages} pages. */
    public static double pageSize(double size, double pageSize, int pages, int index) {
        return index < pages - 1 ? pageSize : size - (pages - 1) * pageSize;
    }

    /**
     * Starts the page sequence of a request of {@code size} in slot {@code slot}; returns the size of its first page
     * (the whole size when it fits in one page, and then no sequence is kept).
     */
    public double start(int slot, double size, double pageSizeNow) {
        ensure(slot);
        int n = pages(size, pageSizeNow);
        pageCount[slot] = n;
        pageIndex[slot] = 0;
        totalSize[slot] = size;
        pageSize[slot] = pageSizeNow;
        return n == 1 ? size : pageSize(size, pageSizeNow, n, 0);
    }

    /** Pages of slot's sequence (1 when the request was not split). */
    public int pageCount(int slot) {
        return slot < pageCount.length ? Math.max(1, pageCount[slot]) : 1;
    }

    /** Whether the request in {@code slot} has further pages after the current one. */
    public boolean hasNext(int slot) {
        return slot < pageCount.length && pageIndex[slot] < pageCount[slot] - 1;
    }

    /** Moves the sequence from the finished page's slot to the next page's slot; returns the next page's size. */
    public double next(int fromSlot, int toSlot) {
        ensure(toSlot);
        int index = pageIndex[fromSlot] + 1;
        double size = pageSize(totalSize[fromSlot], pageSize[fromSlot], pageCount[fromSlot], index);
        totalSize[toSlot] = totalSize[fromSlot];
        pageSize[toSlot] = pageSize[fromSlot];
        pageCount[toSlot] = pageCount[fromSlot];
        pageIndex[toSlot] = index;
        if (fromSlot != toSlot) {
            end(fromSlot);
        }
        return size;
    }

    /** Forgets the sequence of a slot (its request ended and no page follows). */
    public void end(int slot) {
        if (slot < pageCount.length) {
            pageCount[slot] = 0;
            pageIndex[slot] = 0;
        }
    }

    private void ensure(int slot) {
        if (slot >= pageCount.length) {
            int n = Math.max(slot + 1, pageCount.length * 2);
            totalSize = Arrays.copyOf(totalSize, n);
            pageSize = Arrays.copyOf(pageSize, n);
            pageIndex = Arrays.copyOf(pageIndex, n);
            pageCount = Arrays.copyOf(pageCount, n);
        }
    }
}
