package lab.overload.engine.core;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named random streams: each source of randomness (e.g. {@code clients/web/arrivals}, {@code services/api/work})
 * draws from its own generator, seeded from (scenario seed, stream name) by a stable hash. Changing one component
 * therefore never shifts another's samples (common random numbers), and nothing depends on creation order.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** A new generator for the named stream; the same (seed, name) always gives the same sequence. */
    public SplittableRandom stream(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte c : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= c & 0xff;
            h *= 0x100000001b3L;
        }
        return new SplittableRandom(mix(seed ^ mix(h)));
    }

    /** SplitMix64 finaliser: a bijective 64-bit mix. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Seed of replication i (0 = the scenario's own seed). */
    public static long replicationSeed(long seed, int replication) {
        return replication == 0 ? seed : (mix(seed + 0x9e3779b97f4a7c15L * replication) >>> 11);
    }
}
