package lab.overload.engine.operate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.engine.component.TraceEvent;

/**
 * Turns the engine's trace events of one request into spans. The client's events ({@code stage} null) cut the
 * request's life into consecutive spans, so those spans add up to its latency exactly: each lasts from one client
 * event to the next, named by the first ({@code send}/{@code retry}: the attempt; {@code backoff}: the sleep). A
 * stage's events for one attempt are cut the same way: {@code enqueue} to {@code start} is the queue wait,
 * {@code start} (or a sandbox) to the outcome the work; a cold sandbox is split into placement, init (up to the start
 * of its work) and work; a {@code call} lasts until the called stage's outcome; an asynchronous message waits from
 * {@code enqueued} (or its rejoining a lane after a retry) to the poller's {@code invoke}. Server time after the
 * client's timeout of that attempt is split off as {@link SpanKind#AFTER_TIMEOUT}. A queued message's own events
 * (attempt 0, no client) add a wait in retry from {@code retry at} to its rejoining a lane, and its end when it did not
 * succeed: {@link SpanKind#EXPIRED} or {@link SpanKind#DEAD_LETTERED}, from its first enqueue to the end (its age).
 */
final class TraceAssembler {
    /** One event with what the engine knew beside it: the attempt's start of work, a cold start's placement. */
    record Step(TraceEvent event, long workStartMicros, long placementMicros) {
    }

    /** The events of one attempt (by number) at one stage. */
    private record Key(String stage, int attempt) {
    }

    private TraceAssembler() {
    }

    static Trace assemble(long requestId, String client, long arrivalMicros, long endMicros, String outcome,
                          boolean complete, List<Step> steps) {
        List<Span> spans = new ArrayList<>();
        Map<Integer, Long> timedOut = new HashMap<>();
        List<TraceEvent> clientEvents = new ArrayList<>();
        Map<Key, List<Step>> byStage = new LinkedHashMap<>();
        Map<Integer, List<String>> stagesOfAttempt = new HashMap<>();
        boolean cold = false;
        boolean throttled = false;
        int attempts = 0;
        List<TraceEvent> messageEvents = new ArrayList<>();
        for (Step s : steps) {
            TraceEvent e = s.event();
            if (e.stage() != null && e.attempt() == 0 && e.client() == null) {
                messageEvents.add(e);
                continue;
            }
            if (e.stage() == null) {
                clientEvents.add(e);
                if (e.event().equals("send") || e.event().equals("retry")) {
                    attempts++;
                } else if (e.event().equals("timeout")) {
                    timedOut.put(e.attempt(), e.timeMicros());
                }
                continue;
            }
            cold |= e.event().startsWith("cold sandbox");
            throttled |= e.event().startsWith("throttled") || "SHED".equals(e.outcome())
                    || "THROTTLED".equals(e.outcome());
            byStage.computeIfAbsent(new Key(e.stage(), e.attempt()), k -> new ArrayList<>()).add(s);
            List<String> order = stagesOfAttempt.computeIfAbsent(e.attempt(), k -> new ArrayList<>());
            if (!order.contains(e.stage())) {
                order.add(e.stage());
            }
        }
        clientSpans(spans, clientEvents, arrivalMicros, endMicros, timedOut);
        for (List<Step> group : byStage.values()) {
            TraceEvent first = group.get(0).event();
            int depth = 1 + stagesOfAttempt.get(first.attempt()).indexOf(first.stage());
            stageSpans(spans, group, depth, byStage, messageEvents,
                    timedOut.getOrDefault(first.attempt(), Long.MAX_VALUE));
        }
        messageSpans(spans, messageEvents, byStage);
        spans.sort(Comparator.comparingLong(Span::startMicros).thenComparingInt(Span::depth));
        return new Trace(requestId, client, arrivalMicros, endMicros, outcome, attempts, cold, throttled, complete,
                spans);
    }

    private static void clientSpans(List<Span> out, List<TraceEvent> events, long arrivalMicros, long endMicros,
                                    Map<Integer, Long> timedOut) {
        long at = arrivalMicros;
        TraceEvent open = null;
        for (TraceEvent e : events) {
            if (e.timeMicros() > at) {
                out.add(clientSpan(open, at, e.timeMicros(), timedOut));
            }
            at = Math.max(at, e.timeMicros());
            open = e;
        }
        if (endMicros > at) {
            out.add(clientSpan(open, at, endMicros, timedOut));
        }
    }

    private static Span clientSpan(TraceEvent from, long start, long end, Map<Integer, Long> timedOut) {
        if (from == null) {
            return new Span(SpanKind.CLIENT, "before the first send", null, 0, start, end, 0);
        }
        String ev = from.event();
        if (ev.equals("send") || ev.equals("retry")) {
            String label = "attempt " + from.attempt() + (timedOut.containsKey(from.attempt()) ? " (timed out)" : "");
            return new Span(SpanKind.ATTEMPT, label, null, from.attempt(), start, end, 0);
        }
        if (ev.startsWith("backoff")) {
            return new Span(SpanKind.BACKOFF, ev, null, 0, start, end, 0);
        }
        return new Span(SpanKind.CLIENT, ev, null, from.attempt(), start, end, 0);
    }

    private static void stageSpans(List<Span> out, List<Step> group, int depth, Map<Key, List<Step>> byStage,
                                   List<TraceEvent> messageEvents, long timeoutMicros) {
        for (int i = 0; i < group.size(); i++) {
            Step step = group.get(i);
            TraceEvent e = step.event();
            long t = e.timeMicros();
            String ev = e.event();
            long next = i + 1 < group.size() ? group.get(i + 1).event().timeMicros() : t;
            if (ev.startsWith("throttled") || (i == 0 && e.outcome() != null && group.size() == 1
                    && !ev.startsWith("enqueued"))) {
                out.add(new Span(SpanKind.THROTTLE, e.stage() + " " + ev.toLowerCase(java.util.Locale.ROOT),
                        e.stage(), e.attempt(), t, t, depth));
            } else if (ev.equals("enqueue")) {
                add(out, SpanKind.QUEUE_WAIT, "queue wait", e, t, next, depth, timeoutMicros);
            } else if (ev.startsWith("cold sandbox")) {
                long work = workStart(group, i, t, next);
                long placed = Math.min(work, t + step.placementMicros());
                add(out, SpanKind.PLACEMENT, "placement", e, t, placed, depth, timeoutMicros);
                add(out, SpanKind.INIT, "init", e, placed, work, depth, timeoutMicros);
                add(out, SpanKind.WORK, "work", e, work, next, depth, timeoutMicros);
            } else if (ev.startsWith("call ") || ev.startsWith("invoke ")) {
                String callee = ev.substring(ev.indexOf(' ') + 1);
                int calleeAttempt = ev.startsWith("invoke ") ? 1 : e.attempt();
                long answered = Math.min(next, answerOf(byStage.get(new Key(callee, calleeAttempt)), t, next));
                if (ev.startsWith("invoke ")) {
                    long enqueued = lastEnqueue(byStage, messageEvents, e.stage(), t);
                    if (enqueued >= 0 && enqueued < t) {
                        add(out, SpanKind.ASYNC_WAIT, "in queue " + e.stage(), e, enqueued, t, depth, timeoutMicros);
                    }
                    answered = answerOf(byStage.get(new Key(callee, calleeAttempt)), t, Long.MAX_VALUE);
                }
                add(out, SpanKind.CALL, ev, e, t, answered, depth, timeoutMicros);
                if (ev.startsWith("call ")) { // a poller does nothing after its invoke's answer
                    add(out, SpanKind.WORK, "work", e, answered, next, depth, timeoutMicros);
                }
            } else if (e.outcome() == null) {
                add(out, SpanKind.WORK, "work", e, t, next, depth, timeoutMicros);
            }
        }
    }

    /** Where a cold sandbox's work starts: the attempt's start of work as the engine recorded it at the outcome. */
    private static long workStart(List<Step> group, int from, long t, long next) {
        for (int k = from + 1; k < group.size(); k++) {
            if (group.get(k).event().outcome() != null) {
                long w = group.get(k).workStartMicros();
                return w >= t && w <= next ? w : next;
            }
        }
        return next;
    }

    /** The time of the called stage's outcome (its answer), or {@code fallback} when it has none in the trace. */
    private static long answerOf(List<Step> callee, long after, long fallback) {
        if (callee != null) {
            for (Step s : callee) {
                if (s.event().outcome() != null && s.event().timeMicros() >= after) {
                    return s.event().timeMicros();
                }
            }
        }
        return fallback == Long.MAX_VALUE ? after : fallback;
    }

    /**
     * A message's own events: the wait in retry ({@code retry at} to {@code rejoined}), and its age when it expired or
     * was dead-lettered.
     */
    private static void messageSpans(List<Span> out, List<TraceEvent> events, Map<Key, List<Step>> byStage) {
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            String ev = e.event();
            long t = e.timeMicros();
            if (ev.startsWith("retry at ")) {
                long rejoined = t;
                for (int k = i + 1; k < events.size(); k++) {
                    if (events.get(k).stage().equals(e.stage()) && events.get(k).event().startsWith("rejoined")) {
                        rejoined = events.get(k).timeMicros();
                        break;
                    }
                }
                if (rejoined > t) {
                    out.add(new Span(SpanKind.ASYNC_WAIT, "in retry at " + e.stage(), e.stage(), 0, t, rejoined, 1));
                }
            } else if (ev.equals("expired") || ev.equals("dead-lettered")) {
                long first = firstEnqueue(byStage, e.stage(), t);
                out.add(new Span(ev.equals("expired") ? SpanKind.EXPIRED : SpanKind.DEAD_LETTERED,
                        ev + " in " + e.stage() + " (age)", e.stage(), 0, first, t, 1));
            }
        }
    }

    private static long firstEnqueue(Map<Key, List<Step>> byStage, String stage, long before) {
        long first = before;
        for (List<Step> g : byStage.values()) {
            for (Step s : g) {
                TraceEvent e = s.event();
                if (e.stage().equals(stage) && e.event().startsWith("enqueued") && e.timeMicros() <= before) {
                    first = Math.min(first, e.timeMicros());
                }
            }
        }
        return first;
    }

    private static long lastEnqueue(Map<Key, List<Step>> byStage, List<TraceEvent> messageEvents, String stage,
                                    long before) {
        long last = -1;
        for (TraceEvent e : messageEvents) {
            if (e.stage().equals(stage) && e.event().startsWith("rejoined") && e.timeMicros() <= before) {
                last = Math.max(last, e.timeMicros());
            }
        }
        for (List<Step> g : byStage.values()) {
            for (Step s : g) {
                TraceEvent e = s.event();
                if (e.stage().equals(stage) && e.event().startsWith("enqueued") && e.timeMicros() <= before) {
                    last = Math.max(last, e.timeMicros());
                }
            }
        }
        return last;
    }

    /** Adds a span, the part after the client's timeout of its attempt split off as wasted time. */
    private static void add(List<Span> out, SpanKind kind, String label, TraceEvent e, long start, long end, int depth,
                            long timeoutMicros) {
        if (end <= start) {
            return;
        }
        if (start < timeoutMicros && end > timeoutMicros) {
            out.add(new Span(kind, label, e.stage(), e.attempt(), start, timeoutMicros, depth));
            start = timeoutMicros;
        }
        boolean after = start >= timeoutMicros;
        out.add(new Span(after ? SpanKind.AFTER_TIMEOUT : kind, after ? label + " after timeout" : label, e.stage(),
                e.attempt(), start, end, depth));
    }
}
