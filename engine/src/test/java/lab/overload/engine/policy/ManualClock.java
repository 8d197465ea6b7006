package lab.overload.engine.policy;

import java.util.function.LongSupplier;

/** A scripted sim clock for policy tests: time only moves when the test says so. */
final class ManualClock implements LongSupplier {
    private long nowMicros;

    @Override
    public long getAsLong() {
        return nowMicros;
    }

    void setSeconds(double seconds) {
        nowMicros = Math.round(seconds * 1e6);
    }
}
