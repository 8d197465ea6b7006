package lab.overload.engine.component.platform;

/**
 * The account's worker managers and their sandbox slots. Placement of a new sandbox for a function: its home worker
 * manager ({@code function index mod count}) when that has a free slot, otherwise the one with the most free slots
 * (the lowest index on a tie), so an increase spreads over the others; -1 when every slot is taken.
 */
public final class WorkerManagers {
    private final int[] used;
    private int slotsEach;

    public WorkerManagers(int count, int slotsEach) {
        this.used = new int[count];
        this.slotsEach = slotsEach;
    }

    public int count() {
        return used.length;
    }

    /** Sandboxes on worker manager {@code wm}. */
    public int used(int wm) {
        return used[wm];
    }

    /** Takes a slot for a sandbox of the function with that index; returns the worker manager, or -1. */
    public int place(int functionIndex) {
        int home = functionIndex % used.length;
        int chosen = used[home] < slotsEach ? home : -1;
        if (chosen < 0) {
            int bestFree = 0;
            for (int i = 0; i < used.length; i++) {
                int free = slotsEach - used[i];
                if (free > bestFree) {
                    bestFree = free;
                    chosen = i;
                }
            }
        }
        if (chosen >= 0) {
            used[chosen]++;
        }
        return chosen;
    }

    /** A sandbox on {@code wm} is gone. */
    public void release(int wm) {
        used[wm]--;
    }

    /** A new slot count per worker manager (sandboxes above it stay until they go). */
    public void setSlots(int newSlotsEach) {
        slotsEach = newSlotsEach;
    }
}
