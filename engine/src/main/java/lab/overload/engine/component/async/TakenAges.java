package lab.overload.engine.component.async;

import java.util.TreeSet;
import lab.overload.engine.metrics.Recorder;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Scenario;

/**
 * The mean age of the messages a queue's pollers take, per metrics interval, split the two ways its order can treat
 * messages apart: by the producer's priority class (gauges {@code queues.NAME.classCAgeMillis}, one per class its
 * producers have, when they have more than class 0) and, with a surge queue, for the surge lane and the others
 * ({@code queues.NAME.surgeAgeMillis}, {@code .mainAgeMillis}, and the surge lane's depth {@code .surgeInQueue}). A mean is NaN in an interval in which no such message
 * was taken. Each gauge is read once per interval, which starts the next interval's mean. Simulation thread only.
 */
public final class TakenAges {
    private final long[] sumByClass = new long[Lane.CLASSES];
    private final long[] countByClass = new long[Lane.CLASSES];
    private long surgeSum;
    private long surgeCount;
    private long mainSum;
    private long mainCount;

    /**
     * Registers the gauges for queue {@code queue}: a class gauge per priority class of the client groups sending to
     * it (when one of them is above 0), and the surge lane's age and depth when {@code surge} is not null.
     */
    public TakenAges(Recorder recorder, Scenario scenario, String queue, Lane surge) {
        TreeSet<Integer> classes = new TreeSet<>();
        for (ClientSpec c : scenario.clients()) {
            if (c.target().equals(queue)) {
                classes.add(Math.min(c.priority(), Lane.CLASSES - 1));
            }
        }
        String p = "queues." + queue + ".";
        if (!classes.isEmpty() && classes.last() > 0) {
            for (int c : classes) {
                recorder.gauge(p + "class" + c + "AgeMillis", () -> takeClassMeanMillis(c));
            }
        }
        if (surge != null) {
            recorder.gauge(p + "mainAgeMillis", this::takeMainMeanMillis);
            recorder.gauge(p + "surgeAgeMillis", this::takeSurgeMeanMillis);
            recorder.gauge(p + "surgeInQueue", surge::size);
        }
    }

    /** A message of that class was taken this old, from the surge lane or not. */
    public void taken(int priorityClass, boolean fromSurge, long ageMicros) {
        sumByClass[priorityClass] += ageMicros;
        countByClass[priorityClass]++;
        if (fromSurge) {
            surgeSum += ageMicros;
            surgeCount++;
        } else {
            mainSum += ageMicros;
            mainCount++;
        }
    }

    private double takeClassMeanMillis(int c) {
        double mean = countByClass[c] == 0 ? Double.NaN : (double) sumByClass[c] / countByClass[c] / 1000;
        sumByClass[c] = 0;
        countByClass[c] = 0;
        return mean;
    }

    private double takeMainMeanMillis() {
        double mean = mainCount == 0 ? Double.NaN : (double) mainSum / mainCount / 1000;
        mainSum = 0;
        mainCount = 0;
        return mean;
    }

    private double takeSurgeMeanMillis() {
        double mean = surgeCount == 0 ? Double.NaN : (double) surgeSum / surgeCount / 1000;
        surgeSum = 0;
        surgeCount = 0;
        return mean;
    }
}
