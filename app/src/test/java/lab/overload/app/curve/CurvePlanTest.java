package lab.overload.app.curve;

import static lab.overload.app.curve.Fixtures.COLLAPSE;
import static lab.overload.app.curve.Fixtures.SHEDDING;
import static lab.overload.app.curve.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.overload.engine.run.Sweep;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

class CurvePlanTest {
    @Test
    void presetsSweepTheRateAroundEightCoresOfTwentyMillisecondWork() {
        for (Scenario s : new Scenario[] {COLLAPSE, SHEDDING}) {
            CurvePlan plan = CurvePlan.of(s);
            // 1 host x min(workers, 8 cores) / 0.020 s = 400 req/s, swept from 5% to 150%.
            assertEquals(400, plan.capacityPerSecond(), 1e-9, s.name());
            assertEquals("clients.web.ratePerSecond", plan.path());
            assertEquals(20, plan.from(), 1e-9);
            assertEquals(600, plan.to(), 1e-9);
            assertEquals(CurvePlan.STEPS, plan.steps());
            assertEquals(30, plan.durationSeconds(), 0.0);
            assertEquals(10, plan.warmupSeconds(), 0.0);
            Sweep.Plan sweep = plan.sweepPlan(s.seed());
            assertEquals(1, sweep.replications());
            assertEquals(42, sweep.seed());
        }
    }

    @Test
    void fewerWorkersThanCoresBoundCapacityAndSizeScalesWork() {
        Scenario s = with(COLLAPSE, "services.api.workersPerHost", "4", "services.api.hosts", "3",
                "clients.web.sizeMean", "2");
        // 3 hosts x min(4 workers, 8 cores) / (20 ms x 2) = 300 req/s.
        assertEquals(300, CurvePlan.capacityPerSecond(s), 1e-9);
    }

    @Test
    void closedLoopSweepsWholeNumbersOfUsers() {
        Scenario s = with(COLLAPSE, "clients.web.loop", "CLOSED", "clients.web.thinkTimeMillis", "480");
        CurvePlan plan = CurvePlan.of(s);
        assertEquals("clients.web.users", plan.path());
        assertTrue(plan.closedLoop());
        // Little's law: 400 req/s x (480 + 20) ms = 200 users at capacity; 5% .. 150% = 10 .. 300 users.
        assertEquals(10, plan.from(), 0.0);
        assertTrue(plan.to() >= 300 && plan.to() < 320, "to " + plan.to());
        Sweep.Plan sweep = plan.sweepPlan(1);
        for (int i = 0; i < sweep.steps(); i++) {
            assertEquals(Math.rint(sweep.value(i)), sweep.value(i), 0.0, "step " + i + " is a whole number");
        }
    }

    @Test
    void hugeCapacityShortensRunsAndStaysInTheFieldsRange() {
        Scenario s = with(COLLAPSE, "services.api.serviceTimeMillis", "0.01", "services.api.hosts", "100");
        CurvePlan plan = CurvePlan.of(s);
        assertEquals(100_000, plan.to(), 0.0, "ratePerSecond is at most 100000");
        assertTrue(plan.durationSeconds() < 30 && plan.warmupSeconds() < plan.durationSeconds());
    }

    @Test
    void theSettingsKeyIgnoresTheSweptLoadAndTheTimelineOnly() {
        Scenario key = CurvePlan.settingsKey(COLLAPSE);
        assertEquals(key, CurvePlan.settingsKey(with(COLLAPSE, "clients.web.ratePerSecond", "370")));
        assertTrue(key.timeline().isEmpty());
        assertFalse(COLLAPSE.timeline().isEmpty());
        assertNotEquals(key, CurvePlan.settingsKey(with(COLLAPSE, "services.api.workersPerHost", "8")));
        assertNotEquals(key, CurvePlan.settingsKey(COLLAPSE.withSeed(7)));
    }
}
