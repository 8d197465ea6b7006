package lab.overload.engine.policy;

import java.util.SplittableRandom;

/**
 * Deals each tenant a hand of {@code handSize} distinct lanes out of {@code laneCount}, uniformly among all such
 * hands, from one random stream in tenant order: the same seed deals the same hands. A hand of one is hashing each
 * tenant to a lane. Hands are kept in one primitive array ({@code tenants x handSize} ints), in the order dealt,
 * which is the order ties are broken in when a message goes to the shortest lane of its hand.
 */
public final class ShuffleSharder {
    private final int laneCount;
    private final int handSize;
    private final int[] hands;

    /** Deals {@code tenants} hands; {@code handSize} above {@code laneCount} is cut to it. */
    public ShuffleSharder(int laneCount, int handSize, int tenants, SplittableRandom random) {
        if (laneCount < 1 || handSize < 1 || tenants < 1) {
            throw new IllegalArgumentException("lanes, hand size and tenants must be at least 1, were " + laneCount
                    + ", " + handSize + ", " + tenants);
        }
        this.laneCount = laneCount;
        this.handSize = Math.min(handSize, laneCount);
        this.hands = new int[tenants * this.handSize];
        int[] deck = new int[laneCount];
        for (int i = 0; i < laneCount; i++) {
            deck[i] = i;
        }
        int[] swapped = new int[this.handSize];
        for (int t = 0; t < tenants; t++) {
            // A partial Fisher-Yates shuffle of the first handSize cards, undone afterwards: O(handSize) per tenant.
            for (int k = 0; k < this.handSize; k++) {
                int j = k + random.nextInt(laneCount - k);
                swapped[k] = j;
                int x = deck[k];
                deck[k] = deck[j];
                deck[j] = x;
                hands[t * this.handSize + k] = deck[k];
            }
            for (int k = this.handSize - 1; k >= 0; k--) {
                int j = swapped[k];
                int x = deck[k];
                deck[k] = deck[j];
                deck[j] = x;
            }
        }
    }

    public int laneCount() {
        return laneCount;
    }

    /** Lanes per hand (the requested size, at most the lane count). */
    public int handSize() {
        return handSize;
    }

    public int tenants() {
        return hands.length / handSize;
    }

    /** The {@code k}-th lane of a tenant's hand. */
    public int lane(int tenant, int k) {
        return hands[tenant * handSize + k];
    }

    /** How many lanes two tenants' hands share. */
    public int overlap(int a, int b) {
        int n = 0;
        for (int i = 0; i < handSize; i++) {
            int lane = hands[a * handSize + i];
            for (int j = 0; j < handSize; j++) {
                if (hands[b * handSize + j] == lane) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * How many other tenants share 0, 1, ... handSize lanes with {@code tenant}'s hand (the measured counterpart of
     * the hypergeometric overlap table).
     */
    public long[] overlapCounts(int tenant) {
        long[] counts = new long[handSize + 1];
        for (int t = 0; t < tenants(); t++) {
            if (t != tenant) {
                counts[overlap(tenant, t)]++;
            }
        }
        return counts;
    }
}
