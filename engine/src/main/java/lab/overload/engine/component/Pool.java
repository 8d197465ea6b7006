package lab.overload.engine.component;

import java.util.ArrayList;
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

    private final List<T> all = new ArrayList<>();
    private int[] free = new int[64];
    private int freeCount;
    private final Supplier<T> factory;
    private final java.util.function.ObjIntConsumer<T> setSlot;

    Pool(Supplier<T> factory, java.util.function.ObjIntConsumer<T> setSlot) {
        this.factory = factory;
        this.setSlot = setSlot;
    }

    T take() {
        if (freeCount > 0) {
            return all.get(free[--freeCount]);
        }
        T t = factory.get();
        setSlot.accept(t, all.size());
        all.add(t);
        return t;
    }

    void release(int slot) {
        if (freeCount == free.length) {
            free = java.util.Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
    }

    T get(int slot) {
        return all.get(slot);
    }

    List<T> all() {
        return all;
    }
}
