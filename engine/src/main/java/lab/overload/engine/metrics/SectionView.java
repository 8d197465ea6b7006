package lab.overload.engine.metrics;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The sections of one interval snapshot ({@code byClient}, {@code byStage}) as an immutable map by name, in
 * registration order. The numbers are kept in two primitive arrays, one row per section, and each section record is
 * built only when it is read: sealing an interval then allocates two arrays instead of a map and a few records per
 * section (a seal happens every interval of sim time, which in a light scenario is every few requests).
 *
 * <p>Immutable: the arrays are filled before the view is made and never written again.
 */
final class SectionView<V> extends AbstractMap<String, V> {
    /** Builds the section of the given index from its rows. */
    interface Decoder<V> {
        V decode(int index, String name, long[] longs, int longsAt, double[] doubles, int doublesAt);
    }

    private final List<String> names;
    private final int first;
    private final long[] longs;
    private final int longsPerRow;
    private final double[] doubles;
    private final int doublesPerRow;
    private final Decoder<V> decoder;

    /** Sections {@code 0..names.size()-1} in rows from {@code first} on. */
    SectionView(List<String> names, int first, long[] longs, int longsPerRow, double[] doubles, int doublesPerRow,
                Decoder<V> decoder) {
        this.names = names;
        this.first = first;
        this.longs = longs;
        this.longsPerRow = longsPerRow;
        this.doubles = doubles;
        this.doublesPerRow = doublesPerRow;
        this.decoder = decoder;
    }

    private V row(int i) {
        return decoder.decode(i, names.get(i), longs, first + i * longsPerRow, doubles, i * doublesPerRow);
    }

    @Override
    public V get(Object key) {
        int i = names.indexOf(key);
        return i < 0 ? null : row(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return names.contains(key);
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.size();
                    }

                    @Override
                    public Entry<String, V> next() {
                        if (next >= names.size()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names.get(i), row(i));
                    }
                };
            }

            @Override
            public int size() {
                return names.size();
            }
        };
    }
}
