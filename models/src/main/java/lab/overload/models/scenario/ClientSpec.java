package lab.overload.models.scenario;

import java.util.List;

/**
 * A group of clients sending requests to one stage (its {@code target}: a service, an API or a function): open loop (a rate) or
 * closed loop (users with think time),
 * request sizes that scale the service time, a timeout per attempt, a retry policy, and the client-side overload
 * policies: a retry budget, adaptive throttling, a circuit breaker and pagination (all off by default). Its
 * {@code priority} class orders its requests (and the messages they become) at a stage whose discipline is
 * {@link Discipline#PRIORITY}: class 0 first.
 */
public record ClientSpec(String name, String target, LoopKind loop, ArrivalKind arrivals, double ratePerSecond,
                         int users, double thinkTimeMillis, Distribution sizeDistribution, double sizeMean,
                         double sizeCv, TimeoutKind timeoutKind, double timeoutMillis, RetrySpec retry,
                         RetryBudgetSpec retryBudget, ThrottleSpec throttle, CircuitBreakerSpec circuitBreaker,
                         PaginationSpec pagination, TenantsSpec tenants, int priority) {
    private static final Condition OPEN = Condition.is("loop", LoopKind.OPEN);
    private static final Condition CLOSED = Condition.is("loop", LoopKind.CLOSED);

    public static final ObjectSchema SCHEMA = new ObjectSchema("Client", ClientSpec.class, ControlGroup.CLIENT, List.of(
            FieldDef.text("name", null, 40, "Identifier used in parameter paths (letters, digits, - and _)."),
            FieldDef.text("target", null, 40, "Name of the stage (a service, an API or a function) this group calls."),
            FieldDef.choice("loop", LoopKind.class, LoopKind.OPEN,
                    "OPEN: requests arrive at a rate whatever the responses; CLOSED: users wait, think, repeat.")
                    .restartRequired().group(ControlGroup.LOAD),
            FieldDef.choice("arrivals", ArrivalKind.class, ArrivalKind.POISSON,
                    "Open loop gaps between requests: POISSON (exponential) or CONSTANT.").group(ControlGroup.LOAD)
                    .shownWhen(OPEN),
            FieldDef.real("ratePerSecond", "1/s", 0, 100_000, 10,
                    "Offered load: new requests per second (open loop).").log().group(ControlGroup.LOAD)
                    .shownWhen(OPEN),
            FieldDef.integer("users", "users", 0, 100_000, 10,
                    "Number of users, each with one request outstanding at a time (closed loop).")
                    .group(ControlGroup.LOAD).shownWhen(CLOSED),
            FieldDef.real("thinkTimeMillis", "ms", 0, 3_600_000, 1000,
                    "Mean exponential pause between a user's response and its next request (closed loop).")
                    .group(ControlGroup.LOAD).shownWhen(CLOSED),
            FieldDef.choice("sizeDistribution", Distribution.class, Distribution.CONSTANT,
                    "Distribution of request size, which multiplies the service time.").group(ControlGroup.LOAD),
            FieldDef.real("sizeMean", "x", 0.001, 1000, 1, "Mean request size (1 = a typical request).")
                    .group(ControlGroup.LOAD),
            FieldDef.real("sizeCv", "", 0, 20, 1,
                    "Coefficient of variation of request size (LOGNORMAL only).").group(ControlGroup.LOAD)
                    .shownWhen(Condition.is("sizeDistribution", Distribution.LOGNORMAL)),
            FieldDef.choice("timeoutKind", TimeoutKind.class, TimeoutKind.FIXED,
                    "Client timeout per attempt: NONE, FIXED or EXPONENTIAL (patience with that mean)."),
            FieldDef.real("timeoutMillis", "ms", 0.001, 3_600_000, 1000,
                    "How long the client waits for one attempt before giving up on it.").log()
                    .shownWhen(Condition.isNot("timeoutKind", TimeoutKind.NONE)),
            FieldDef.object("retry", RetrySpec.SCHEMA, "Retry policy."),
            FieldDef.object("retryBudget", RetryBudgetSpec.SCHEMA,
                    "Client-wide limit on retries (AWS, gRPC or Finagle style).").group(ControlGroup.CLIENT_POLICIES),
            FieldDef.object("throttle", ThrottleSpec.SCHEMA, "Client-side adaptive throttling (the SRE book formula).")
                    .group(ControlGroup.CLIENT_POLICIES),
            FieldDef.object("circuitBreaker", CircuitBreakerSpec.SCHEMA, "Circuit breaker on the client's attempts.")
                    .group(ControlGroup.CLIENT_POLICIES),
            FieldDef.object("pagination", PaginationSpec.SCHEMA,
                    "Splitting of large requests into sequential pages.").group(ControlGroup.CLIENT_POLICIES),
            FieldDef.object("tenants", TenantsSpec.SCHEMA,
                    "The tenants the group stands for, sharing its arrivals (one by default).")
                    .group(ControlGroup.CLIENT).since(2),
            FieldDef.integer("priority", "class", 0, 9, 0,
                    "Priority class of the group's requests and messages (0 = highest) at a PRIORITY queue or service.")
                    .group(ControlGroup.CLIENT).since(2)));

    public ClientSpec {
        name = checkName(SCHEMA.checkText("name", name), "name");
        target = checkName(SCHEMA.checkText("target", target), "target");
        loop = SCHEMA.orDefault("loop", loop);
        arrivals = SCHEMA.orDefault("arrivals", arrivals);
        SCHEMA.check("ratePerSecond", ratePerSecond);
        SCHEMA.check("users", users);
        SCHEMA.check("thinkTimeMillis", thinkTimeMillis);
        sizeDistribution = SCHEMA.orDefault("sizeDistribution", sizeDistribution);
        SCHEMA.check("sizeMean", sizeMean);
        SCHEMA.check("sizeCv", sizeCv);
        timeoutKind = SCHEMA.orDefault("timeoutKind", timeoutKind);
        SCHEMA.check("timeoutMillis", timeoutMillis);
        retry = retry == null ? RetrySpec.NONE : retry;
        retryBudget = retryBudget == null ? RetryBudgetSpec.NONE : retryBudget;
        throttle = throttle == null ? ThrottleSpec.NONE : throttle;
        circuitBreaker = circuitBreaker == null ? CircuitBreakerSpec.NONE : circuitBreaker;
        pagination = pagination == null ? PaginationSpec.NONE : pagination;
        tenants = tenants == null ? TenantsSpec.NONE : tenants;
        SCHEMA.check("priority", priority);
    }

    /** A client group of priority class 0. */
    public ClientSpec(String name, String target, LoopKind loop, ArrivalKind arrivals, double ratePerSecond,
                      int users, double thinkTimeMillis, Distribution sizeDistribution, double sizeMean,
                      double sizeCv, TimeoutKind timeoutKind, double timeoutMillis, RetrySpec retry,
                      RetryBudgetSpec retryBudget, ThrottleSpec throttle, CircuitBreakerSpec circuitBreaker,
                      PaginationSpec pagination, TenantsSpec tenants) {
        this(name, target, loop, arrivals, ratePerSecond, users, thinkTimeMillis, sizeDistribution, sizeMean, sizeCv,
                timeoutKind, timeoutMillis, retry, retryBudget, throttle, circuitBreaker, pagination, tenants, 0);
    }

    /** A client group standing for one tenant. */
    public ClientSpec(String name, String target, LoopKind loop, ArrivalKind arrivals, double ratePerSecond,
                      int users, double thinkTimeMillis, Distribution sizeDistribution, double sizeMean,
                      double sizeCv, TimeoutKind timeoutKind, double timeoutMillis, RetrySpec retry,
                      RetryBudgetSpec retryBudget, ThrottleSpec throttle, CircuitBreakerSpec circuitBreaker,
                      PaginationSpec pagination) {
        this(name, target, loop, arrivals, ratePerSecond, users, thinkTimeMillis, sizeDistribution, sizeMean, sizeCv,
                timeoutKind, timeoutMillis, retry, retryBudget, throttle, circuitBreaker, pagination, null);
    }

    /** A client group without retry budget, throttling, circuit breaker or pagination. */
    public ClientSpec(String name, String target, LoopKind loop, ArrivalKind arrivals, double ratePerSecond,
                      int users, double thinkTimeMillis, Distribution sizeDistribution, double sizeMean,
                      double sizeCv, TimeoutKind timeoutKind, double timeoutMillis, RetrySpec retry) {
        this(name, target, loop, arrivals, ratePerSecond, users, thinkTimeMillis, sizeDistribution, sizeMean, sizeCv,
                timeoutKind, timeoutMillis, retry, null, null, null, null, null);
    }

    /** A copy with the given client-side overload policies (null = off). */
    public ClientSpec withPolicies(RetryBudgetSpec budget, ThrottleSpec throttleSpec, CircuitBreakerSpec breaker,
                                   PaginationSpec paging) {
        return new ClientSpec(name, target, loop, arrivals, ratePerSecond, users, thinkTimeMillis, sizeDistribution,
                sizeMean, sizeCv, timeoutKind, timeoutMillis, retry, budget, throttleSpec, breaker, paging, tenants,
                priority);
    }

    /** A copy standing for those tenants. */
    public ClientSpec withTenants(TenantsSpec newTenants) {
        return new ClientSpec(name, target, loop, arrivals, ratePerSecond, users, thinkTimeMillis, sizeDistribution,
                sizeMean, sizeCv, timeoutKind, timeoutMillis, retry, retryBudget, throttle, circuitBreaker, pagination,
                newTenants, priority);
    }

    /** Names appear in parameter paths, so they are restricted to letters, digits, '-' and '_'. */
    static String checkName(String value, String field) {
        if (!value.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(field + " must use only letters, digits, '-' and '_', was '"
                    + value + "'");
        }
        return value;
    }
}
