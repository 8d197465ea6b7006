package lab.overload.engine.component;

import lab.overload.engine.component.platform.ApiBucket;
import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.Counter;
import lab.overload.engine.metrics.StageMetrics;
import lab.overload.engine.metrics.WorkClass;
import lab.overload.models.scenario.ApiSpec;
import lab.overload.models.scenario.Scenario;

/**
 * An API stage: a token bucket ({@link ApiBucket}) in front of its target. An attempt that finds a whole token is
 * passed on as an onward call (the API is its caller) and the API answers with the target's answer; one that finds
 * none ends THROTTLED at once (counter {@code apis.NAME.throttledApiRate}) and is answered REJECTED, a 429 its client
 * may retry. A rejection by the target is passed on as a 429 too (THROTTLED here). An attempt whose client has left
 * ends COMPLETED_WASTED when the target answers. The API costs no work; its busy level counts attempts it holds.
 * Counter {@code apis.NAME.requests} counts the attempts that reached it; its summary section adds {@code requests}
 * and {@code throttled} (by its own bucket) over the measured period.
 */
final class Api implements Target, Caller, Reconfigurable {
    private final World world;
    ApiSpec spec;
    final StageMetrics metrics;
    private final ApiBucket bucket;
    private final Counter requests;
    private final Counter throttled;
    private Target target;

    Api(World world, ApiSpec spec) {
        this.world = world;
        this.spec = spec;
        this.metrics = world.recorder.stage(spec.name(), "api", false, false);
        this.bucket = new ApiBucket(spec.ratePerSecond(), spec.burst());
        this.requests = world.recorder.counter("apis." + spec.name() + ".requests");
        this.throttled = world.recorder.counter("apis." + spec.name() + ".throttledApiRate");
        metrics.detail(end -> {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("requests", requests.measuredTotal());
            m.put("throttled", throttled.measuredTotal());
            return m;
        });
        world.recorder.gauge("apis." + spec.name() + ".tokens", () -> bucket.tokens(world.sim.nowMicros()));
    }

    /** Calls go to this stage (set once, when the world connects its stages). */
    void connect(Target stage) {
        this.target = stage;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public void accept(Attempt a, long now) {
        a.stageMetrics = metrics;
        metrics.attemptArrived(a.measured);
        a.resetServerState();
        requests.add(world.recorder.measuring(now));
        if (!bucket.tryTake(now)) {
            throttled.add(world.recorder.measuring(now));
            if (world.tracing()) {
                world.traces.attempt(Traces.clientOf(a), spec.name(), "throttled apiRate", null, a);
            }
            end(a, AttemptOutcome.THROTTLED, now);
            if (!a.clientDone) {
                a.caller.onAnswer(a, REJECTED, now);
            }
            world.releaseAttemptIfDone(a);
            return;
        }
        a.state = Attempt.IN_SERVICE;
        a.startedMicros = now;
        metrics.busyChanged(now, 1);
        Attempt call = world.takeAttempt();
        call.sendAsOnwardCall(a, this, a.measured, now);
        if (world.tracing()) {
            world.traces.attempt(Traces.clientOf(a), spec.name(), "call " + target.name(), null, call);
        }
        target.accept(call, now);
    }

    @Override
    public void onAnswer(Attempt call, int answer, long now) {
        call.clientDone = true;
        Attempt a = call.parent;
        call.parent = null;
        a.child = null;
        world.releaseAttemptIfDone(call);
        metrics.busyChanged(now, -1);
        if (a.clientDone) {
            metrics.busyClientGoneChanged(now, -1);
            end(a, AttemptOutcome.COMPLETED_WASTED, now);
        } else {
            end(a, answer == OK ? AttemptOutcome.COMPLETED_USEFUL
                    : answer == ERROR ? AttemptOutcome.COMPLETED_ERROR : AttemptOutcome.THROTTLED, now);
            a.caller.onAnswer(a, answer, now);
        }
        world.releaseAttemptIfDone(a);
    }

    private void end(Attempt a, AttemptOutcome outcome, long now) {
        a.serverDone = true;
        if (world.tracing()) {
            world.traces.attempt(Traces.clientOf(a), spec.name(), outcome.name(), outcome.name(), a);
        }
        metrics.attemptEnded(a.clientMetrics, outcome, outcome == AttemptOutcome.COMPLETED_USEFUL ? WorkClass.USEFUL
                : outcome == AttemptOutcome.THROTTLED ? WorkClass.REJECTION : WorkClass.WASTED, 0, a.measured, now,
                a.sentMicros);
    }

    @Override
    public void reconfigure(Scenario next, long nowMicros) {
        spec = next.api(spec.name());
        bucket.reconfigure(spec.ratePerSecond(), spec.burst(), nowMicros);
    }
}
