package lab.overload.engine.component;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A free list of reusable objects addressed by slot, so events can name them with plain ints. Each reuse bumps the
 * object's generation, which makes events scheduled for its previous life recognisably stale.
 */
final class Pool<T> {
    interface Slot {
        void init(int slot);
    }

    /** Every object ever made, by slot (a plain array: get/take are on the hot path of every event). */
    private Object[] items = new Object[64];
    private int count;
    private int[] free = new int[64];
    private int freeCount;
    private final Supplier<T> factory;
    private final java.util.function.ObjIntConsumer<T> setSlot;

    Pool(Supplier<T> factory, java.util.function.ObjIntConsumer<T> setSlot) {
        this.factory = factory;
        this.setSlot = setSlot;
    }

    @SuppressWarnings("unchecked")
    T take() {
        if (freeCount > 0) {
            return (T) items[free[--freeCount]];
        }
        T t = factory.get();
        if (count == items.length) {
            items = java.util.Arrays.copyOf(items, count * 2);
        }
        setSlot.accept(t, count);
        items[count++] = t;
        return t;
    }

    void release(int slot) {
        if (freeCount == free.length) {
            free = java.util.Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
    }

    @SuppressWarnings("unchecked")
    T get(int slot) {
        if (slot >= count) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + count);
        }
        return (T) items[slot];
    }

    /** Every object ever made, by slot (a read-only view). */
    @SuppressWarnings("unchecked")
    List<T> all() {
        return Collections.unmodifiableList(Arrays.asList((T[]) items).subList(0, count));
    }
}
