package lab.overload.engine.operate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.engine.component.TraceEvent;

/**
 * Sampled traces: which requests are traced, their events until they are complete, and a bounded ring of the
 * finished traces. A request is sampled when {@code mix(mix(seed) + requestId x 0x9e3779b97f4a7c15)} (SplitMix64's
 * output function, a 64-bit hash) falls below
 * {@code rate x 2^64}: the same requests for the same seed and rate, whatever else happens, and a sampled request
 * stays sampled at a higher rate. Sampling only reads the run, so every number of the run is the same with it on and
 * off.
 *
 * <p>A trace is finished when its request has ended at its client and every attempt it started at a stage has ended
 * there (work a stage goes on with after the client left belongs to the trace), and every message it left in a queue
 * has ended (processed, dead-lettered or expired: {@link #message}); or, closed as incomplete, {@link #LINGER_MICROS}
 * after the request's end (or after a retry of one of its messages falls due, when that is later), or when more than
 * {@link #MAX_PENDING} traces are open.
 *
 * <p>Thread rule: single writer, the simulation's thread; what it hands out ({@link Trace}) is immutable.
 */
public final class TraceSampler {
    /** How long after its request's end a trace waits for the stages to finish their part. */
    public static final long LINGER_MICROS = 60_000_000L;
    /** The most traces open at once; beyond it the oldest is closed as incomplete. */
    public static final int MAX_PENDING = 2_000;
    /** The event of a message its target processed (the other ends are {@code dead-lettered} and {@code expired}). */
    public static final String PROCESSED = "processed";

    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    /** The seed, mixed once: a request's hash is one finaliser of it plus the id times the golden gamma. */
    private final long seedMix;
    private final int capacity;
    private double rate;
    /**
     * The rates in force, as thresholds: {@code thresholds[k]} applies to the requests numbered from
     * {@code fromIds[k]} on (up to the next change). At most {@link #MAX_CHANGES} are kept; the oldest merge.
     */
    private long[] fromIds = new long[4];
    private long[] thresholds = new long[4];
    private int changes;
    private long maxIdSeen;
    static final int MAX_CHANGES = 1024;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final ArrayDeque<Trace> finished = new ArrayDeque<>();
    private final ArrayDeque<Trace> fresh = new ArrayDeque<>();

    /** A sampler for a run of that seed keeping the latest {@code capacity} finished traces. */
    public TraceSampler(long seed, int capacity, double rate) {
        if (capacity < 1) {
            throw new IllegalArgumentException("trace capacity must be at least 1, was " + capacity);
        }
        this.seedMix = mix(seed);
        this.capacity = capacity;
        setRate(rate);
    }

    /** The share of requests traced, in [0, 1]; applies to requests that arrive from now on. */
    public void setRate(double rate) {
        setRate(rate, maxIdSeen);
    }

    /**
     * The share of requests traced, in [0, 1], for the requests after {@code lastRequestId} (the last one that has
     * arrived); those up to it keep the rate they arrived under, so the traces in progress stay whole.
     */
    public void setRate(double rate, long lastRequestId) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("trace sample rate must be in [0, 1], was " + rate);
        }
        this.rate = rate;
        long from = Math.max(maxIdSeen, lastRequestId) + 1;
        long threshold = rate >= 1 ? -1L : (long) (rate * 0x1p63) << 1; // unsigned rate x 2^64 (1: all but one)
        if (changes > 0 && fromIds[changes - 1] >= from) {
            changes--; // no request arrived under the last rate: replace it
        }
        if (changes == MAX_CHANGES) {
            System.arraycopy(fromIds, 1, fromIds, 0, changes - 1);
            System.arraycopy(thresholds, 1, thresholds, 0, changes - 1);
            changes--;
        }
        if (changes == fromIds.length) {
            fromIds = java.util.Arrays.copyOf(fromIds, changes * 2);
            thresholds = java.util.Arrays.copyOf(thresholds, changes * 2);
        }
        fromIds[changes] = from;
        thresholds[changes] = threshold;
        changes++;
    }

    public double rate() {
        return rate;
    }

    /**
     * Whether the request of that id is traced: a pure function of the seed, the id and the rate it arrived under (a
     * change of rate applies to the requests after it, so the traces in progress stay whole).
     */
    public boolean sampled(long requestId) {
        int k = changes - 1;
        while (k > 0 && fromIds[k] > requestId) {
            k--;
        }
        if (fromIds[k] > requestId) {
            return false; // arrived before there was a sampler
        }
        long threshold = thresholds[k];
        return threshold == -1L || threshold != 0
                && Long.compareUnsigned(mix(seedMix + requestId * GOLDEN), threshold) < 0;
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * One event of a sampled request. {@code attempt} identifies the engine's attempt (null for a request's own
     * events); {@code arrivalMicros} is the request's arrival when known (else negative), {@code workStartMicros}
     * the attempt's start of work at that stage, {@code placementMicros} the placement time a cold start takes now.
     */
    public void event(TraceEvent e, Object attempt, long arrivalMicros, long workStartMicros, long placementMicros) {
        maxIdSeen = Math.max(maxIdSeen, e.requestId());
        Pending p = pending.get(e.requestId());
        if (p == null) {
            if (e.stage() != null && e.client() == null) {
                return; // an onward call of a request whose trace is closed
            }
            p = new Pending(e.requestId());
            pending.put(e.requestId(), p);
            if (pending.size() > MAX_PENDING) {
                Iterator<Pending> oldest = pending.values().iterator();
                Pending o = oldest.next();
                oldest.remove();
                finish(o, false);
            }
        }
        if (p.arrivalMicros < 0 && arrivalMicros >= 0) {
            p.arrivalMicros = arrivalMicros;
        }
        if (p.client == null && e.client() != null) {
            p.client = e.client();
        }
        p.steps.add(new TraceAssembler.Step(e, workStartMicros, placementMicros));
        if (e.stage() != null && attempt != null) {
            if (e.outcome() == null) {
                if (!containsIdentity(p.open, attempt)) {
                    p.open.add(attempt);
                }
            } else {
                removeIdentity(p.open, attempt);
                if (e.event().startsWith("enqueued")) {
                    p.messages++;
                }
            }
        } else if (e.stage() == null && e.outcome() != null) {
            p.endMicros = e.timeMicros();
            p.outcome = e.outcome();
        }
        finishIfDone(p);
    }

    private void finishIfDone(Pending p) {
        if (p.endMicros >= 0 && p.open.isEmpty() && p.messages <= 0) {
            pending.remove(p.requestId);
            finish(p, true);
        }
    }

    /**
     * An event of a sampled request's queued message (attempt 0, no client): a retry planned ({@code retry at T}), the
     * message rejoining a lane, or its end ({@link #PROCESSED}, {@code dead-lettered}, {@code expired}). The trace
     * waits for the message at least until {@code nextMicros} (a retry's due time) plus {@link #LINGER_MICROS}.
     */
    public void message(TraceEvent e, long nextMicros) {
        Pending p = pending.get(e.requestId());
        if (p == null) {
            return; // its trace is closed
        }
        p.holdMicros = Math.max(p.holdMicros, nextMicros);
        String ev = e.event();
        boolean end = ev.equals(PROCESSED) || ev.equals("dead-lettered") || ev.equals("expired");
        if (!ev.equals(PROCESSED)) {
            p.steps.add(new TraceAssembler.Step(e, -1, 0));
        }
        if (end) {
            p.messages--;
            finishIfDone(p);
        }
    }

    /** Closes, as incomplete, the traces whose request ended more than {@link #LINGER_MICROS} before now. */
    public void expire(long nowMicros) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.endMicros >= 0 && nowMicros - Math.max(p.endMicros, p.holdMicros) > LINGER_MICROS) {
                it.remove();
                finish(p, false);
            }
        }
    }

    private void finish(Pending p, boolean complete) {
        if (p.endMicros < 0 || p.arrivalMicros < 0) {
            return; // never ended at its client (closed for room): nothing whole to show
        }
        Trace t = TraceAssembler.assemble(p.requestId, p.client, p.arrivalMicros, p.endMicros, p.outcome, complete,
                p.steps);
        finished.addLast(t);
        if (finished.size() > capacity) {
            finished.removeFirst();
        }
        fresh.add(t);
        if (fresh.size() > capacity) {
            fresh.removeFirst();
        }
    }

    /** The traces finished since the last call, oldest first (at most the capacity). */
    public List<Trace> drainFresh() {
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<Trace> out = List.copyOf(fresh);
        fresh.clear();
        return out;
    }

    /** The latest finished traces, oldest first. */
    public List<Trace> finished() {
        return List.copyOf(finished);
    }

    private static boolean containsIdentity(List<Object> list, Object o) {
        for (Object x : list) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }

    private static void removeIdentity(List<Object> list, Object o) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == o) {
                list.remove(i);
                return;
            }
        }
    }

    private static final class Pending {
        final long requestId;
        String client;
        long arrivalMicros = -1;
        long endMicros = -1;
        /** A retry of one of its messages falls due then: the trace lingers from then at the latest. */
        long holdMicros = -1;
        String outcome;
        int messages;
        final List<Object> open = new ArrayList<>(2);
        final List<TraceAssembler.Step> steps = new ArrayList<>();

        Pending(long requestId) {
            this.requestId = requestId;
        }
    }
}
