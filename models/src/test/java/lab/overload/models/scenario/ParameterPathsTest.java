package lab.overload.models.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.overload.models.json.ScenarioCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterPathsTest {
    static final List<String> CLIENT_FIELDS = List.of("loop", "arrivals", "ratePerSecond", "users", "thinkTimeMillis",
            "sizeDistribution", "sizeMean", "sizeCv", "timeoutKind", "timeoutMillis");
    static final List<String> RETRY_FIELDS = List.of("maxAttempts", "backoffBaseMillis", "backoffCapMillis", "jitter");
    /** Nested client policy objects and their fields, in field-table order. */
    static final List<String> CLIENT_POLICY_FIELDS = List.of(
            "retryBudget.kind", "retryBudget.quotaCapacity", "retryBudget.retryCost", "retryBudget.timeoutRetryCost",
            "retryBudget.noRetryIncrement", "retryBudget.maxTokens", "retryBudget.tokenRatio",
            "retryBudget.ttlSeconds", "retryBudget.minRetriesPerSecond", "retryBudget.percentCanRetry",
            "throttle.enabled", "throttle.windowSeconds", "throttle.k",
            "circuitBreaker.enabled", "circuitBreaker.failureRateThreshold", "circuitBreaker.minimumRequests",
            "circuitBreaker.windowSeconds", "circuitBreaker.openSeconds", "circuitBreaker.halfOpenProbes",
            "pagination.enabled", "pagination.pageSize");
    /** The tenants a group stands for (the sparse overrides are not enumerated). */
    static final List<String> TENANT_FIELDS = List.of("tenants.count", "tenants.skew", "tenants.zipfExponent");
    static final List<String> SERVICE_FIELDS = List.of("hosts", "workersPerHost", "coresPerHost", "queueCapacity",
            "discipline", "rejectionCostMillis", "expiredWork", "serviceTimeDistribution", "serviceTimeMillis",
            "serviceTimeCv", "errorProbability", "contentionSigma", "coherencyKappa", "balancer", "hostsDown");
    /** Nested service policy objects and their fields, in field-table order. */
    static final List<String> SERVICE_POLICY_FIELDS = fieldsOf(List.of("limit", "shedding", "deadline", "boundedWork",
            "dependency"), List.of(LimitSpec.SCHEMA, SheddingSpec.SCHEMA, DeadlineSpec.SCHEMA, BoundedWorkSpec.SCHEMA,
            DependencySpec.SCHEMA));

    private static List<String> fieldsOf(List<String> objects, List<ObjectSchema> schemas) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            for (FieldDef f : schemas.get(i).fields()) {
                if (f.tunable()) { // structural fields (a dependency's target stage) are not paths
                    out.add(objects.get(i) + "." + f.name());
                }
            }
        }
        return out;
    }

    /** Two clients (web with a retry policy), two services and a timeline that every changed scenario re-checks. */
    static Scenario scenario() {
        return ScenarioCodec.read("""
                {"name": "paths", "durationSeconds": 30,
                 "clients": [
                   {"name": "web", "target": "api", "ratePerSecond": 10,
                    "retry": {"maxAttempts": 3, "backoffBaseMillis": 50, "jitter": "EQUAL"}},
                   {"name": "batch", "target": "db", "loop": "CLOSED", "users": 5}],
                 "services": [{"name": "api", "workersPerHost": 8}, {"name": "db", "discipline": "LIFO"}],
                 "timeline": [{"atSeconds": 5, "path": "clients.web.ratePerSecond", "value": "50",
                               "rampSeconds": 2, "holdSeconds": 3}]}
                """);
    }

    @Test
    void minLimitAboveMaxLimitIsRejectedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(scenario(), "services.api.limit.minLimit", "2000"));
        assertEquals("services.api.limit.minLimit (2000) must not be above limit.maxLimit (1000); lower minLimit or "
                + "raise maxLimit", e.getMessage());
    }

    @Test
    void listEnumeratesClientRetryAndServicePathsInOrder() {
        List<String> expected = new ArrayList<>();
        for (String client : List.of("web", "batch")) {
            CLIENT_FIELDS.forEach(f -> expected.add("clients." + client + "." + f));
            RETRY_FIELDS.forEach(f -> expected.add("clients." + client + ".retry." + f));
            CLIENT_POLICY_FIELDS.forEach(f -> expected.add("clients." + client + "." + f));
            TENANT_FIELDS.forEach(f -> expected.add("clients." + client + "." + f));
            expected.add("clients." + client + ".priority");
        }
        for (String service : List.of("api", "db")) {
            SERVICE_FIELDS.forEach(f -> expected.add("services." + service + "." + f));
            SERVICE_POLICY_FIELDS.forEach(f -> expected.add("services." + service + "." + f));
        }
        List<Parameter> list = ParameterPaths.list(scenario());
        assertEquals(expected, list.stream().map(Parameter::path).toList());
        assertEquals("clients.web", find(list, "clients.web.retry.jitter").group());
        assertEquals("services.db", find(list, "services.db.balancer").group());
    }

    @ParameterizedTest
    @CsvSource({
        "clients.web.ratePerSecond,          1/s,      0,     100000,   10,   true,  true",
        "clients.web.loop,                   '',       0,     1,        0,    false, false",
        "clients.batch.users,                users,    0,     100000,   5,    true,  false",
        "clients.web.timeoutMillis,          ms,       0.001, 3600000,  1000, true,  true",
        "clients.web.retry.maxAttempts,      attempts, 1,     100,      3,    true,  false",
        "clients.web.retry.backoffBaseMillis, ms,      0,     600000,   50,   true,  false",
        "clients.web.retry.jitter,           '',       0,     3,        2,    true,  false",
        "services.api.workersPerHost,        workers,  1,     100000,   8,    true,  true",
        "services.api.queueCapacity,         attempts, 0,     10000000, 1000, true,  true",
        "services.db.discipline,             '',       0,     2,        1,    true,  false",
        "services.db.errorProbability,       '',       0,     1,        0,    true,  false"})
    void listedParametersCarryUnitRangeValueAndFlags(String path, String unit, double min, double max, double value,
                                                     boolean live, boolean log) {
        Parameter p = find(ParameterPaths.list(scenario()), path);
        assertEquals(unit, p.def().unit(), "unit");
        assertEquals(min, p.def().min(), "min");
        assertEquals(max, p.def().max(), "max");
        assertEquals(value, p.value(), "current value");
        assertEquals(live, p.def().live(), "live");
        assertEquals(log, p.def().logScale(), "log scale");
        assertEquals(p.def(), ParameterPaths.def(scenario(), path));
    }

    @Test
    void displayValuesUseNames() {
        List<Parameter> list = ParameterPaths.list(scenario());
        assertEquals("EQUAL", find(list, "clients.web.retry.jitter").displayValue());
        assertEquals("CLOSED", find(list, "clients.batch.loop").displayValue());
        assertEquals("10", find(list, "clients.web.ratePerSecond").displayValue());
    }

    @Test
    void withReturnsAChangedScenarioAndLeavesTheOriginalUnchanged() {
        Scenario original = scenario();
        String before = ScenarioCodec.write(original);
        Scenario changed = ParameterPaths.with(original, "clients.web.ratePerSecond", "25.5");
        assertNotSame(original, changed);
        assertEquals(25.5, changed.client("web").ratePerSecond());
        assertEquals(10, original.client("web").ratePerSecond());
        assertEquals(before, ScenarioCodec.write(original), "original untouched");
        // only that one field differs
        assertEquals(original, ParameterPaths.with(changed, "clients.web.ratePerSecond", "10"));
        assertSame(original.client("batch"), changed.client("batch"));
        assertEquals(original.services(), changed.services());
        assertEquals(original.timeline(), changed.timeline());
    }

    @Test
    void withChangesNestedRetryFieldsOnly() {
        Scenario s = ParameterPaths.with(scenario(), "clients.web.retry.maxAttempts", "7");
        RetrySpec r = s.client("web").retry();
        assertEquals(new RetrySpec(7, 50, 10_000, Jitter.EQUAL), r);
        assertEquals(scenario().client("web").ratePerSecond(), s.client("web").ratePerSecond());
        assertEquals(RetrySpec.NONE, s.client("batch").retry());
    }

    @Test
    void numericEncodingOverloadMatchesText() {
        Scenario s = scenario();
        assertEquals(ParameterPaths.with(s, "services.api.hosts", "4"), ParameterPaths.with(s, "services.api.hosts", 4));
        assertEquals(ParameterPaths.with(s, "services.db.discipline", "FIFO"),
                ParameterPaths.with(s, "services.db.discipline", 0));
    }

    @ParameterizedTest
    @CsvSource({"LIFO, LIFO", "lifo, LIFO", "' Fifo ', FIFO", "1, LIFO", "0, FIFO"})
    void choicesByNameIgnoringCaseOrByIndex(String text, Discipline expected) {
        Scenario s = ParameterPaths.with(scenario(), "services.api.discipline", text);
        assertEquals(expected, s.service("api").discipline());
    }

    @Test
    void unknownChoiceNameListsTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(scenario(), "clients.web.retry.jitter", "PARTIAL"));
        assertEquals("clients.web.retry.jitter must be one of NONE, FULL, EQUAL, DECORRELATED, was 'PARTIAL'",
                e.getMessage());
    }

    /** No scenario field is a boolean today, so boolean parsing is checked on a field definition directly. */
    @ParameterizedTest
    @CsvSource({"true, 1", "TRUE, 1", "' true ', 1", "1, 1", "false, 0", "False, 0", "0, 0"})
    void booleanParsing(String text, double expected) {
        FieldDef flag = FieldDef.bool("enabled", false, "A switch.");
        assertEquals(expected, flag.parse("services.api.enabled", text));
        assertEquals(expected != 0 ? "true" : "false", flag.display(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "", "2", "on"})
    void booleanRejectsOtherText(String text) {
        FieldDef flag = FieldDef.bool("enabled", false, "A switch.");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> flag.parse("services.api.enabled", text));
        assertEquals("services.api.enabled must be true or false, was '" + text.trim() + "'", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "clients.web.ratePerSecond | -5 | clients.web.ratePerSecond must be in [0, 100000] 1/s, was -5",
        "clients.web.ratePerSecond | 100001 | clients.web.ratePerSecond must be in [0, 100000] 1/s, was 100001",
        "clients.web.ratePerSecond | fast | clients.web.ratePerSecond must be in [0, 100000] 1/s, was 'fast'",
        "clients.web.ratePerSecond | NaN | clients.web.ratePerSecond must be in [0, 100000] 1/s, was NaN",
        "clients.web.ratePerSecond | Infinity | clients.web.ratePerSecond must be in [0, 100000] 1/s, was Infinity",
        "services.api.workersPerHost | 2.5 | services.api.workersPerHost must be an integer in [1, 100000] workers,"
                + " was 2.5",
        "services.api.workersPerHost | 0 | services.api.workersPerHost must be an integer in [1, 100000] workers,"
                + " was 0",
        "clients.web.retry.maxAttempts | 101 | clients.web.retry.maxAttempts must be an integer in [1, 100] attempts,"
                + " was 101",
        "services.db.errorProbability | 1.01 | services.db.errorProbability must be in [0, 1], was 1.01",
        "clients.web.timeoutMillis | 0 | clients.web.timeoutMillis must be in [0.001, 3600000] ms, was 0"})
    void outOfRangeMessageNamesTheFullPathAndRange(String path, String value, String message) {
        Scenario s = scenario();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(s, path, value));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectedValueIsShownAsGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(scenario(), "clients.web.ratePerSecond", "100000.4"));
        assertEquals("clients.web.ratePerSecond must be in [0, 100000] 1/s, was 100000.4", e.getMessage());
    }

    @Test
    void numericOverloadRejectsOutOfRangeWithTheSameMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(scenario(), "clients.web.ratePerSecond", -5.0));
        assertEquals("clients.web.ratePerSecond must be in [0, 100000] 1/s, was -5", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "clients.web | parameter path 'clients.web' must look like clients.NAME.FIELD or services.NAME.FIELD",
        "queues.jobs.pollersPerLane | parameter path 'queues.jobs.pollersPerLane': no queues named 'jobs'",
        "functions.chat.coldStartMillis | parameter path 'functions.chat.coldStartMillis': no functions named 'chat'",
        "ratePerSecond | parameter path 'ratePerSecond' must look like",
        "clients.mobile.ratePerSecond | parameter path 'clients.mobile.ratePerSecond': no clients named 'mobile'",
        "services.web.hosts | parameter path 'services.web.hosts': no services named 'web'",
        "clients.web.colour | parameter path 'clients.web.colour': 'colour' is not a tunable field of Client"
                + " (tunable: loop, arrivals, ratePerSecond",
        "clients.web.name | 'name' is not a tunable field of Client",
        "clients.web.target | 'target' is not a tunable field of Client",
        "clients.web.retry | 'retry' is not a tunable field of Client",
        "clients.web.retry.tries | 'tries' is not a tunable field of Retry (tunable: maxAttempts, backoffBaseMillis,"
                + " backoffCapMillis, jitter)",
        "clients.web.ratePerSecond.max | 'ratePerSecond' is not a tunable field of Client",
        "services.api.retry.maxAttempts | 'retry' is not a tunable field of Service",
        "clients.web.RatePerSecond | 'RatePerSecond' is not a tunable field of Client"})
    void unknownPathNameOrFieldIsNamedInTheMessage(String path, String phrase) {
        Scenario s = scenario();
        for (var call : List.<Executable>of(
                () -> ParameterPaths.with(s, path, "1"), () -> ParameterPaths.get(s, path),
                () -> ParameterPaths.def(s, path))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertTrue(e.getMessage().contains(phrase), "expected '" + phrase + "' in: " + e.getMessage());
        }
    }

    @Test
    void nullPathIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(scenario(), null, "1"));
        assertTrue(e.getMessage().contains("must look like clients.NAME.FIELD"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"clients.web.ratePerSecond, 10", "clients.batch.users, 5", "clients.batch.loop, 1",
        "clients.web.retry.maxAttempts, 3", "clients.web.retry.jitter, 2", "clients.web.retry.backoffBaseMillis, 50",
        "services.api.workersPerHost, 8", "services.db.discipline, 1", "services.api.serviceTimeMillis, 100"})
    void getReturnsTheEncodedValue(String path, double expected) {
        assertEquals(expected, ParameterPaths.get(scenario(), path));
    }

    @Test
    void getSeesTheChange() {
        Scenario s = ParameterPaths.with(scenario(), "clients.web.retry.jitter", "decorrelated");
        assertEquals(3, ParameterPaths.get(s, "clients.web.retry.jitter"));
        assertEquals(2, ParameterPaths.get(scenario(), "clients.web.retry.jitter"));
    }

    static Stream<Arguments> everyParameter() {
        return ParameterPaths.list(scenario()).stream().map(p -> Arguments.of(p.path(), p.def()));
    }

    /**
     * Property: every listed parameter accepts its own minimum and maximum (as a number and as the text a user would
     * type), get() then returns it, the result survives a JSON round trip, and one step beyond either end is rejected
     * naming the path. No parameter is skipped. One cross-field rule involves tunable fields, minLimit <= maxLimit, so
     * minLimit is tried with maxLimit at its own maximum.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyParameter")
    void everyParameterAcceptsItsMinAndMaxAndRejectsBeyond(String path, FieldDef def) {
        Scenario s = scenario();
        if (path.endsWith(".limit.minLimit")) {
            String max = path.replace(".limit.minLimit", ".limit.maxLimit");
            s = ParameterPaths.with(s, max, ParameterPaths.def(s, max).max());
        }
        Scenario base = s;
        for (double v : new double[] {def.min(), def.max()}) {
            Scenario changed = ParameterPaths.with(s, path, v);
            assertEquals(v, ParameterPaths.get(changed, path), path + " = " + v);
            assertEquals(changed, ParameterPaths.with(s, path, def.display(v)), "text form of " + v);
            assertEquals(changed, ScenarioCodec.read(ScenarioCodec.write(changed)), "JSON round trip");
        }
        double step = def.kind() == FieldDef.Kind.REAL ? Math.max(def.max() - def.min(), 1) * 1e-3 : 1;
        for (double bad : new double[] {def.min() - step, def.max() + step}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ParameterPaths.with(base, path, bad));
            assertTrue(e.getMessage().startsWith(path + " must be "), e.getMessage());
            assertTrue(e.getMessage().contains(def.rangeText()), e.getMessage());
        }
    }

    private static Parameter find(List<Parameter> list, String path) {
        return list.stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + path));
    }
}
