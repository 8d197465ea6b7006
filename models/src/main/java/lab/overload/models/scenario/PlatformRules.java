package lab.overload.models.scenario;

import java.util.List;

/**
 * The cross-field rule of an account: the functions' reserved concurrency may take at most
 * {@code concurrencyLimit - unreservedMinimum}, so the functions without a reservation keep at least the unreserved
 * minimum. A rejected scenario's message names the fields and the numbers.
 */
final class PlatformRules {
    private PlatformRules() {
    }

    static void check(PlatformSpec account, List<FunctionSpec> functions) {
        if (account.unreservedMinimum() > account.concurrencyLimit()) {
            throw new IllegalArgumentException("platform." + account.name() + ".unreservedMinimum ("
                    + account.unreservedMinimum() + ") must be at most its concurrencyLimit ("
                    + account.concurrencyLimit() + ")");
        }
        long reserved = 0;
        for (FunctionSpec f : functions) {
            reserved += f.reservedConcurrency();
        }
        long available = (long) account.concurrencyLimit() - account.unreservedMinimum();
        if (reserved > available) {
            throw new IllegalArgumentException("functions: reservedConcurrency adds up to " + reserved
                    + ", more than platform." + account.name() + ".concurrencyLimit minus unreservedMinimum ("
                    + account.concurrencyLimit() + " - " + account.unreservedMinimum() + " = " + available + ")");
        }
    }
}
