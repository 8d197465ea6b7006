package lab.overload.engine.component;

import lab.overload.engine.component.platform.Sandbox;
import lab.overload.engine.core.Phase;
import lab.overload.engine.core.Simulation;

/**
 * Expiry of a function's idle sandboxes after their keep-alive, with at most one pending event per sandbox: a
 * sandbox that becomes idle gets its due time ({@code now + keep-alive}, so a live change of the keep-alive applies
 * to idle periods that start after it) and an event only when it has none pending, or only a later one. The event
 * finds the sandbox idle and due (it expires), idle with a later due time (it was reused since: the event moves on to
 * that time), or busy (nothing; its next idle period schedules one). So the calendar holds about as many expiry events
 * as sandboxes however long the keep-alive, not one per invoke. Events are {@code (handlerId, type, sandbox id,
 * sandbox life)}; an event of an earlier sandbox in the same object, or one superseded by an earlier event, does
 * nothing.
 */
final class SandboxExpiry {
    private final Simulation sim;
    private final int handlerId;
    private final int type;

    SandboxExpiry(Simulation sim, int handlerId, int type) {
        this.sim = sim;
        this.handlerId = handlerId;
        this.type = type;
    }

    /** The sandbox became idle now: it is due to expire after {@code keepAliveMicros}. */
    void idle(Sandbox s, long now, long keepAliveMicros) {
        s.expiresAtMicros = now + keepAliveMicros;
        if (s.expiryEventMicros < 0 || s.expiresAtMicros < s.expiryEventMicros) {
            schedule(s, s.expiresAtMicros);
        }
    }

    /** Its expiry event: true when the sandbox is to expire now (the caller removes it). */
    boolean due(Sandbox s, int life, long now) {
        if (s.life != life || s.state == Sandbox.GONE || s.expiryEventMicros != now) {
            return false;
        }
        s.expiryEventMicros = -1;
        if (s.state != Sandbox.IDLE) {
            return false;
        }
        if (now >= s.expiresAtMicros) {
            return true;
        }
        schedule(s, s.expiresAtMicros);
        return false;
    }

    private void schedule(Sandbox s, long atMicros) {
        s.expiryEventMicros = atMicros;
        sim.schedule(atMicros, Phase.COMPLETION, handlerId, type, s.id, s.life);
    }
}
