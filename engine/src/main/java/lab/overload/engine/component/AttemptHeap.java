package lab.overload.engine.component;

import java.util.Arrays;

/**
 * Min-heap of attempts by the virtual time of their next event (a checkpoint or the finish), for a host in
 * shared-speed mode.
 */
final class AttemptHeap {
    private Attempt[] items = new Attempt[16];
    private int size;

    int size() {
        return size;
    }

    Attempt peek() {
        return size == 0 ? null : items[0];
    }

    Attempt get(int i) {
        return items[i];
    }

    void add(Attempt a) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (items[p].vnext <= a.vnext) {
                break;
            }
            place(items[p], i);
            i = p;
        }
        place(a, i);
    }

    Attempt poll() {
        Attempt top = items[0];
        top.heapIndex = -1;
        Attempt last = items[--size];
        items[size] = null;
        if (size > 0) {
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int c = 2 * i + 1;
                if (c + 1 < size && items[c + 1].vnext < items[c].vnext) {
                    c++;
                }
                if (items[c].vnext >= last.vnext) {
                    break;
                }
                place(items[c], i);
                i = c;
            }
            place(last, i);
        }
        return top;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            items[i].heapIndex = -1;
            items[i] = null;
        }
        size = 0;
    }

    private void place(Attempt a, int i) {
        items[i] = a;
        a.heapIndex = i;
    }
}
