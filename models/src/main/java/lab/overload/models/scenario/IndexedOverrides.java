package lab.overload.models.scenario;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sparse, immutable map from an index (0, 1, 2, ...) to an override record, for a field that stands for many
 * numbered members (such as the tenants of a client group) of which only a few differ from the defaults. A member
 * without an entry takes the defaults of the element schema. Parameter paths reach one member's field as
 * {@code ...FIELD.INDEX.NAME}; {@link ParameterPaths#list(Scenario)} does not enumerate the indices.
 *
 * @param <R> the override record type
 */
public final class IndexedOverrides<R extends Record> {
    private static final IndexedOverrides<?> EMPTY = new IndexedOverrides<>(new TreeMap<>());

    private final SortedMap<Integer, R> byIndex;

    private IndexedOverrides(TreeMap<Integer, R> byIndex) {
        this.byIndex = Collections.unmodifiableSortedMap(byIndex);
    }

    /** No overrides. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> IndexedOverrides<R> empty() {
        return (IndexedOverrides<R>) EMPTY;
    }

    /** The given overrides; indices must be at least 0 and values non-null. */
    public static <R extends Record> IndexedOverrides<R> of(Map<Integer, R> overrides) {
        TreeMap<Integer, R> copy = new TreeMap<>();
        for (Map.Entry<Integer, R> e : overrides.entrySet()) {
            if (e.getKey() == null || e.getKey() < 0 || e.getValue() == null) {
                throw new IllegalArgumentException("an override needs an index of 0 or more and a value, was "
                        + e.getKey() + " -> " + e.getValue());
            }
            copy.put(e.getKey(), e.getValue());
        }
        return new IndexedOverrides<>(copy);
    }

    /** The override of that index, or null when the member takes the defaults. */
    public R get(int index) {
        return byIndex.get(index);
    }

    /** A copy with the override of that index replaced (or added). */
    public IndexedOverrides<R> with(int index, R value) {
        TreeMap<Integer, R> copy = new TreeMap<>(byIndex);
        copy.put(index, value);
        return of(copy);
    }

    /** The overrides in index order (read-only). */
    public SortedMap<Integer, R> asMap() {
        return byIndex;
    }

    public int size() {
        return byIndex.size();
    }

    public boolean isEmpty() {
        return byIndex.isEmpty();
    }

    /** The highest index with an override, or -1 when there is none. */
    public int highestIndex() {
        return byIndex.isEmpty() ? -1 : byIndex.lastKey();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexedOverrides<?> other && byIndex.equals(other.byIndex);
    }

    @Override
    public int hashCode() {
        return byIndex.hashCode();
    }

    @Override
    public String toString() {
        return byIndex.toString();
    }
}
