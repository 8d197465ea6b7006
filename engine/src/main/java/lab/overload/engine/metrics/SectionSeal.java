package lab.overload.engine.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seals the sections' part of an interval: every client group's and stage's counts into rows of primitive arrays, read
 * through {@link SectionView} when someone asks (or, one client group calling its only stage, the two
 * {@link SoleSections} markers), with their totals, the top-tenant tables and the per-second latencies. A seal
 * allocates only what it hands out. Single writer (the simulation thread).
 */
final class SectionSeal {
    private static final SectionView.Decoder<ClientInterval> CLIENT_DECODER =
        (i, name, longs, at, doubles, doublesAt) -> ClientMetrics.decode(name, longs, at);

    /** Names of the sections in registration order (immutable lists, shared by every snapshot). */
    private List<String> clientNames = List.of();
    private List<String> stageNames = List.of();
    /** Builds a stage's interval section from its row (made once, when the stages are registered). */
    private SectionView.Decoder<StageInterval> stageDecoder;
    /** The sections of a scenario with one client group calling its only stage (made at the first seal). */
    private SoleSections sole;

    /** Sums of the client rows of the last seal (reused). */
    final long[] clientTotals = new long[ClientMetrics.ROW];
    /** Sums of the stages' work by class of the last seal (reused). */
    final long[] work = new long[WorkClass.values().length];
    /** The sections of the last seal, for its snapshot. */
    Map<String, ClientInterval> clients;
    Map<String, StageInterval> stages;
    SectionLatencies latencies;

    void clientsRegistered(List<ClientMetrics> all) {
        clientNames = all.stream().map(x -> x.name).toList();
    }

    void stagesRegistered(List<StageMetrics> all) {
        stageNames = all.stream().map(x -> x.name).toList();
        List<String> kinds = all.stream().map(x -> x.kind).toList();
        stageDecoder = (i, n, longs, at, doubles, doublesAt) -> StageRow.decode(n, kinds.get(i), longs, at,
                doubles, doublesAt);
    }

    /** One client group calling its only stage: the sections are the totals (built from the snapshot when read). */
    void sealSole(ClientMetrics client, StageMetrics stage, IntervalLatencies interval, LatencySeconds seconds,
                  long nowMicros) {
        if (sole == null) {
            sole = new SoleSections(client.name, stage.name, stage.kind);
        }
        client.sealInto(clientTotals, 0);
        interval.feedSole(seconds, nowMicros);
        stage.closeLevels(nowMicros);
        stage.sealWork(work);
        clients = sole.clients;
        stages = sole.stages;
        latencies = seconds.sealSole(clientNames.get(0), stageNames.get(0), nowMicros);
    }

    /** Every section's interval into rows, and their totals into {@link #clientTotals} and {@link #work}. */
    void seal(List<ClientMetrics> clientList, List<StageMetrics> stageList, LatencySeconds seconds, long nowMicros,
              double span) {
        long[] t = clientTotals;
        long[] w = work;
        int clientCount = clientList.size();
        int stageCount = stageList.size();
        int stagesAt = clientCount * ClientMetrics.ROW;
        long[] rows = new long[stagesAt + stageCount * StageRow.ROW];
        double[] stageDoubles = new double[stageCount * StageRow.DOUBLE_ROW];
        for (int i = 0; i < clientCount; i++) {
            clientList.get(i).sealInto(rows, i * ClientMetrics.ROW);
        }
        for (int i = 0; i < stageCount; i++) {
            StageMetrics st = stageList.get(i);
            st.closeLevels(nowMicros);
            StageRow.seal(st, span, rows, stagesAt + i * StageRow.ROW, stageDoubles, i * StageRow.DOUBLE_ROW);
            st.resetLevels(nowMicros);
        }
        Arrays.fill(t, 0);
        for (int i = 0; i < clientCount; i++) {
            for (int k = 0; k < ClientMetrics.ROW; k++) {
                t[k] += rows[i * ClientMetrics.ROW + k];
            }
        }
        Arrays.fill(w, 0);
        for (int i = 0; i < stageCount; i++) {
            for (int k = 0; k < w.length; k++) {
                w[k] += rows[stagesAt + i * StageRow.ROW + StageRow.WORK_BY_CLASS + k];
            }
        }
        clients = new SectionView<>(clientNames, 0, rows, ClientMetrics.ROW, null, 0, CLIENT_DECODER);
        stages = new SectionView<>(stageNames, stagesAt, rows, StageRow.ROW, stageDoubles,
                StageRow.DOUBLE_ROW, stageDecoder);
        latencies = seconds.seal(clientList, stageList, nowMicros);
    }

    /** The per-second top-tenant tables sealed by now, by client group (groups with one tenant have none). */
    static Map<String, List<TenantTopTable>> sealTenants(List<ClientMetrics> clientList, long nowMicros) {
        Map<String, List<TenantTopTable>> out = null;
        for (ClientMetrics c : clientList) {
            if (c.tenants != null) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(c.name, c.tenants.drain(nowMicros));
            }
        }
        return out == null ? Map.of() : Collections.unmodifiableMap(out);
    }

    /** Lets go of the sections handed to the snapshot. */
    void handedOut() {
        clients = null;
        stages = null;
    }
}
