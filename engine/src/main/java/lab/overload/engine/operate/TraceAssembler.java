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
 * {@code enqueued} to the poller's {@code invoke}. Server time after the client's timeout of that attempt is split
 * off as {@link SpanKind#AFTER_TIMEOUT}.
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
        for (Step s : steps) {
            TraceEvent e = s.event();
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
            stageSpans(spans, group, depth, byStage, timedOut.getOrDefault(first.attempt(), Long.MAX_VALUE));
        }
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
                                   long timeoutMicros) {
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
                    long enqueued = lastEnqueue(byStage, e.stage(), t);
                    if (enqueued >= 0 && enqueued < t) {
                        add(out, SpanKind.ASYNC_WAIT, "in queue " + e.stage(), e, enqueued, t, depth, timeoutMicros);
                    }
                    answered = answerOf(byStage.get(new Key(callee, calleeAttempt)), t, Long.MAX_VALUE);
                }
                add(out, SpanKind.CALL, ev, e, t, answered, depth, timeoutMicros);
                add(out, SpanKind.WORK, "work", e, answered, next, depth, timeoutMicros);
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

    private static long lastEnqueue(Map<Key, List<Step>> byStage, String stage, long before) {
        long last = -1;
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
