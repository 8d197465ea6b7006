package lab.overload.engine.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Says when the heap is nearly full after a garbage collection, so a live run can stop cleanly before the JVM spends
 * all its time collecting (a window that freezes) or throws {@link OutOfMemoryError}. It arms the collection-usage
 * threshold of every heap pool that supports one at {@code fraction} of the pool's maximum; the check reads a flag
 * the collector maintains, so it is cheap enough to make once per loop.
 */
final class MemoryGuard implements BooleanSupplier {
    /** Share of a heap pool's maximum, still in use after a collection, that counts as nearly full. */
    static final double DEFAULT_FRACTION = 0.9;

    private final List<MemoryPoolMXBean> pools;

    MemoryGuard(double fraction) {
        this.pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()
                        && p.getUsage().getMax() > 0)
                .toList();
        for (MemoryPoolMXBean p : pools) {
            long threshold = (long) (p.getUsage().getMax() * fraction);
            if (p.getCollectionUsageThreshold() == 0 || p.getCollectionUsageThreshold() > threshold) {
                p.setCollectionUsageThreshold(threshold);
            }
        }
    }

    /** True when some heap pool was still over the threshold after its last collection. */
    @Override
    public boolean getAsBoolean() {
        for (MemoryPoolMXBean p : pools) {
            if (p.isCollectionUsageThresholdExceeded()) {
                return true;
            }
        }
        return false;
    }
}
