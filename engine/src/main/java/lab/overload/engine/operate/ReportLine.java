package lab.overload.engine.operate;

import java.util.Locale;

/**
 * One function invocation's REPORT line, as the platform logs it when an invoke ends, immutable.
 *
 * @param function       the function's name
 * @param requestId      the request the invoke served
 * @param endMicros      sim time the invoke ended (the line's timestamp)
 * @param durationMicros from the start of its work (after any init) to its end, the dependency call included
 * @param memoryMb       the function's memory size
 * @param initMicros     its init time on a cold start (placement not included), else -1
 * @param status         {@code ok}, {@code error} or {@code timeout}
 */
public record ReportLine(String function, long requestId, long endMicros, long durationMicros, int memoryMb,
                         long initMicros, String status) {

    /** Billed duration: the duration rounded up to a whole millisecond. */
    public long billedMillis() {
        return (durationMicros + 999) / 1000;
    }

    /** @duration, as Logs Insights reads it from the line: the duration in ms. */
    public double durationMillis() {
        return durationMicros / 1000.0;
    }

    public boolean cold() {
        return initMicros >= 0;
    }

    /** The line as text, in the shape of a Lambda REPORT line, with its sim time in front. */
    public String text() {
        StringBuilder b = new StringBuilder(160);
        b.append(String.format(Locale.ROOT, "%.3f REPORT RequestId: %s-%d\tDuration: %.2f ms\tBilled Duration: %d ms"
                + "\tMemory Size: %d MB", endMicros / 1e6, function, requestId, durationMillis(), billedMillis(),
                memoryMb));
        if (initMicros >= 0) {
            b.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", initMicros / 1000.0));
        }
        if (!status.equals("ok")) {
            b.append("\tStatus: ").append(status);
        }
        return b.toString();
    }
}
