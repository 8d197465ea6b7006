package lab.overload.models.scenario;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Checks a scenario's timeline: every entry names a live, tunable parameter path of the scenario, its value parses
 * for that field, and only numeric fields ramp.
 *
 * <p>Linear in the timeline's length over a whole run. Whether an entry is valid depends only on the names the
 * scenario declares (which paths resolve) and on the static field tables, not on any parameter's value. A checked
 * timeline is returned as a {@link Checked} list that remembers those names; every scenario rebuilt from it by a
 * parameter change (a slider, {@code --set}, or the timeline itself applying an entry) passes the same list
 * instance and the same names, so it is not checked again. Without this, a run applying N timeline entries checked
 * N entries N times.
 */
final class TimelineCheck {
    /** Entries checked on this thread (tests count them; no other use). */
    private static final ThreadLocal<long[]> ENTRIES_CHECKED = ThreadLocal.withInitial(() -> new long[1]);

    private TimelineCheck() {
    }

    /**
     * The checked, immutable timeline. {@code base} is the scenario being constructed with an empty timeline (the
     * paths are resolved against it). Throws IllegalArgumentException naming the entry.
     */
    static List<TimelineChange> check(List<TimelineChange> timeline, Scenario base) {
        if (timeline instanceof Checked c && c.names.equals(names(base))) {
            return c;
        }
        List<TimelineChange> list = Scenario.SCHEMA.checkList("timeline", timeline);
        if (list.isEmpty()) {
            return list;
        }
        for (int i = 0; i < list.size(); i++) {
            TimelineChange change = list.get(i);
            ENTRIES_CHECKED.get()[0]++;
            try {
                FieldDef def = ParameterPaths.def(base, change.path());
                def.parse(change.path(), change.value());
                if (!def.live()) {
                    throw new IllegalArgumentException(change.path() + " cannot change while a run is going (it "
                            + "needs a restart), so it cannot be on the timeline");
                }
                if (change.rampSeconds() > 0 && !def.isNumeric()) {
                    throw new IllegalArgumentException(change.path() + " is not numeric, so it cannot ramp");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("timeline[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new Checked(list, names(base));
    }

    /** How many timeline entries this thread has checked so far. */
    static long entriesChecked() {
        return ENTRIES_CHECKED.get()[0];
    }

    /** What decides which paths resolve: the element names of every section, section by section, in order. */
    private static List<String> names(Scenario s) {
        List<String> names = new java.util.ArrayList<>();
        for (Section section : Section.modelled()) {
            names.add("|" + section.property());
            for (Record element : section.elements(s)) {
                names.add(section.name(element));
            }
        }
        return List.copyOf(names);
    }

    /** An immutable timeline that has been checked against a scenario with these names. */
    private static final class Checked extends AbstractList<TimelineChange> implements RandomAccess {
        private final List<TimelineChange> list;
        private final List<String> names;

        Checked(List<TimelineChange> list, List<String> names) {
            this.list = list;
            this.names = names;
        }

        @Override
        public TimelineChange get(int index) {
            return list.get(index);
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
