package lab.overload.engine.component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import lab.overload.engine.component.platform.Sandbox;
import lab.overload.models.scenario.SandboxReuse;
import lab.overload.engine.component.platform.SandboxCensus;

/**
 * A function's sandboxes: the table by id (ids of gone sandboxes are reused), the idle ones with the most recently
 * used first, and the state changes, each of which credits the time spent in the state left to the
 * {@link FunctionLedger} and is counted by the account's {@link SandboxCensus}. A warm invoke takes the idle sandbox
 * its function's {@link SandboxReuse} chooses: the first (most recently used) or the last (least recently used) in
 * O(1), a random one in O(idle). Eviction never takes a provisioned sandbox.
 */
final class SandboxPool {
    private final FunctionLedger ledger;
    private final SandboxCensus census;
    private final int function;
    private final List<Sandbox> table = new ArrayList<>();
    private final ArrayDeque<Sandbox> free = new ArrayDeque<>();
    /** Idle sandboxes, the most recently used first. */
    private final ArrayDeque<Sandbox> idle = new ArrayDeque<>();

    SandboxPool(FunctionLedger ledger, SandboxCensus census, int function) {
        this.ledger = ledger;
        this.census = census;
        this.function = function;
    }

    Sandbox get(int id) {
        return table.get(id);
    }

    /** A new sandbox on worker manager {@code wm} in {@code state} (initialising, or idle when provisioned). */
    Sandbox create(int wm, int state, long now) {
        Sandbox s = free.pollFirst();
        if (s == null) {
            s = new Sandbox(table.size());
            table.add(s);
        }
        s.workerManager = wm;
        s.life++;
        s.expiryEventMicros = -1;
        s.provisioned = false;
        s.lastUsedMicros = now;
        s.invokeStartMicros = now;
        s.coldInvoke = state == Sandbox.INITIALIZING;
        enter(s, state, now);
        ledger.sandboxes.add(now, 1);
        if (state == Sandbox.IDLE) {
            idle.addFirst(s);
        }
        return s;
    }

    /** Moves a sandbox to a state, crediting the time it spent in the one it leaves. */
    void enter(Sandbox s, int state, long now) {
        if (s.state != Sandbox.GONE) {
            ledger.leave(s.state, now - s.sinceMicros, now);
        }
        census.moved(function, s.workerManager, s.state, state, now);
        s.state = state;
        s.sinceMicros = now;
        if (state != Sandbox.GONE) {
            ledger.enter(state, now);
        }
    }

    /** The idle sandbox {@code reuse} chooses (random ones from {@code random}), now busy; null when none is idle. */
    Sandbox take(SandboxReuse reuse, SplittableRandom random, long now) {
        Sandbox s = switch (reuse) {
            case MOST_RECENTLY_USED -> idle.pollFirst();
            case LEAST_RECENTLY_USED -> idle.pollLast();
            case RANDOM -> idle.isEmpty() ? null : removeIdleAt(random.nextInt(idle.size()));
        };
        if (s != null) {
            s.invokeStartMicros = now;
            s.coldInvoke = false;
            enter(s, Sandbox.BUSY, now);
        }
        return s;
    }

    /** A busy sandbox finished its invoke: idle, most recently used. */
    void finished(Sandbox s, long now) {
        census.invokeEnded(function, s.coldInvoke, now - s.invokeStartMicros);
        enter(s, Sandbox.IDLE, now);
        s.lastUsedMicros = now;
        idle.addFirst(s);
    }

    /** Removes and returns the idle sandbox at position {@code k}, counting from the most recently used. */
    private Sandbox removeIdleAt(int k) {
        Iterator<Sandbox> it = idle.iterator();
        Sandbox s = it.next();
        for (int i = 0; i < k; i++) {
            s = it.next();
        }
        it.remove();
        return s;
    }

    /** The least recently used idle sandbox that is not provisioned (provisioned ones stay warm), or null. */
    Sandbox evictable() {
        Iterator<Sandbox> it = idle.descendingIterator();
        while (it.hasNext()) {
            Sandbox s = it.next();
            if (!s.provisioned) {
                return s;
            }
        }
        return null;
    }

    /** An idle sandbox goes (expired or evicted); its id may be reused. */
    void remove(Sandbox s, long now) {
        if (idle.peekLast() == s) {
            idle.pollLast();
        } else {
            idle.remove(s);
        }
        enter(s, Sandbox.GONE, now);
        ledger.sandboxes.add(now, -1);
        free.addFirst(s);
    }

    /** Time the live sandboxes have spent in their current states, µs. */
    long inProgressMicros(long now) {
        long sum = 0;
        for (Sandbox s : table) {
            if (s.state != Sandbox.GONE) {
                sum += now - s.sinceMicros;
            }
        }
        return sum;
    }

    /** The sandboxes in each state now, on each worker manager: {@code [wm][state]}. */
    int[][] byWorkerManager(int workerManagers) {
        int[][] out = new int[workerManagers][3];
        for (Sandbox s : table) {
            if (s.state != Sandbox.GONE) {
                out[s.workerManager][s.state]++;
            }
        }
        return out;
    }
}
