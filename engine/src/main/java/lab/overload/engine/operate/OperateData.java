package lab.overload.engine.operate;

import java.util.List;

/**
 * What one interval adds to the operating views, immutable: the sampled traces finished in it and the REPORT lines
 * of the function invocations that ended in it (both empty when there are none), and the sampling rate in force.
 */
public record OperateData(List<Trace> traces, List<ReportLine> reports, double sampleRate) {
    public static final OperateData NONE = new OperateData(List.of(), List.of(), 0);

    public OperateData {
        traces = List.copyOf(traces);
        reports = List.copyOf(reports);
    }
}
