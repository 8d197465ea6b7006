package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} and {@code merge} as a design reviewer uses them. */
class SweepCommandTest {
    private static final String RATE = "clients.web.ratePerSecond";
    private static final String RETRIES = "clients.web.retry.maxAttempts";

    @TempDir
    Path dir;

    private static Cli.Result sweep(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all);
    }

    /** The mean offered load of each step, from the CSV's offeredPerSecond column. */
    private static double[] offered(Path csv) throws IOException {
        List<String> rows = Files.readAllLines(csv);
        return rows.subList(2, rows.size()).stream().mapToDouble(r -> Double.parseDouble(r.split(",")[5]))
                .toArray();
    }

    /**
     * goodput-collapse starts at 200/s and its timeline ramps the load to 400/s from 20 s: a sweep that dropped the
     * timeline answered "retries" questions at 200/s. Kept (the default), the load of every step is the ramp's.
     */
    @Test
    void theTimelineRunsUnlessDroppedAndTheChoiceIsSaid() throws IOException {
        Path kept = dir.resolve("kept.csv");
        Path dropped = dir.resolve("dropped.csv");
        Cli.Result k = sweep("goodput-collapse", "--param", RETRIES, "--from", "1", "--to", "3", "--steps", "2",
                "--duration", "40", "--warmup", "30", "--out", kept.toString());
        assertEquals(0, k.code(), k.toString());
        assertTrue(k.err().contains("note: timeline kept (1 change); --timeline drop for steady state"), k.err());
        Cli.Result d = sweep("goodput-collapse", "--param", RETRIES, "--from", "1", "--to", "3", "--steps", "2",
                "--duration", "40", "--warmup", "30", "--timeline", "drop", "--out", dropped.toString());
        assertEquals(0, d.code(), d.toString());
        assertTrue(d.err().contains("note: timeline dropped (1 change): every run in steady state"), d.err());
        for (double o : offered(kept)) {
            // the ramp reaches 400/s at 40 s: over 30-40 s the offered load averages 375/s
            assertTrue(o > 330, "with the timeline the load ramps towards 400/s: " + o);
        }
        for (double o : offered(dropped)) {
            assertTrue(o < 240, "without it the load stays at 200/s: " + o);
        }
        assertTrue(Files.readAllLines(kept).get(0).endsWith(" timeline=keep"), "the plan line records the choice");
    }

    @Test
    void theSweptPathsOwnTimelineEntriesAreLeftOutSoTheValueHolds() throws IOException {
        Path csv = dir.resolve("rate.csv");
        Cli.Result r = sweep("goodput-collapse", "--param", RATE, "--from", "100", "--to", "150", "--steps", "2",
                "--duration", "40", "--warmup", "30", "--out", csv.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("without its 1 change of " + RATE + " (the swept value holds)"), r.err());
        double[] o = offered(csv);
        assertEquals(100, o[0], 15, "the swept value holds through the ramp's time");
        assertEquals(150, o[1], 15);
    }

    @Test
    void setIsHonoured() throws IOException {
        Path plain = dir.resolve("plain.csv");
        Path set = dir.resolve("set.csv");
        String[] common = {"goodput-collapse", "--param", RETRIES, "--from", "1", "--to", "2", "--steps", "2",
            "--duration", "20", "--warmup", "5", "--timeline", "drop"};
        assertEquals(0, sweep(concat(common, "--out", plain.toString())).code());
        Cli.Result r = sweep(concat(common, "--set", RATE + "=120", "--out", set.toString()));
        assertEquals(0, r.code(), r.toString());
        for (double o : offered(set)) {
            assertEquals(120, o, 12, "--set " + RATE + "=120 applies to every run");
        }
        for (double o : offered(plain)) {
            assertEquals(200, o, 20);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aPathThatChangesNothingIsWarnedAbout() {
        // No retries happen below capacity without timeouts firing: maxAttempts cannot matter at 50/s.
        Cli.Result r = sweep("goodput-collapse", "--param", RETRIES, "--from", "1", "--to", "3", "--steps", "3",
                "--duration", "10", "--warmup", "2", "--set", RATE + "=50", "--timeline", "drop");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("warning: " + RETRIES + " changed nothing"), r.err());
        Cli.Result moved = sweep("goodput-collapse", "--param", RATE, "--from", "50", "--to", "60", "--steps", "2",
                "--duration", "10", "--warmup", "2");
        assertFalse(moved.err().contains("warning"), moved.err());
    }

    @Test
    void aTableByDefaultTheCsvWithOut() {
        Cli.Result table = sweep("goodput-collapse", "--param", RATE, "--from", "100", "--to", "300", "--steps", "3",
                "--duration", "10", "--warmup", "2");
        assertEquals(0, table.code(), table.toString());
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Goodput collapse: " + RATE + " from 100 to 300 in 3 steps"),
                table.out());
        assertTrue(lines.get(1).startsWith("value (1/s)") && lines.get(1).contains("goodput/s"), table.out());
        assertTrue(lines.get(2).matches(" +100 +[0-9.]+ .*"), table.out());
        assertEquals(5, lines.size(), "title, headings, three steps: " + table.out());
        assertFalse(table.out().contains("index,step"), "no CSV without --out");

        Cli.Result csv = sweep("goodput-collapse", "--param", RATE, "--from", "100", "--to", "300", "--steps", "3",
                "--duration", "10", "--warmup", "2", "--out", "-");
        assertEquals(0, csv.code(), csv.toString());
        assertTrue(csv.out().startsWith("# sweep path=" + RATE), csv.out());
        assertEquals(5, csv.out().lines().count(), "plan line, header, three rows");
    }

    @Test
    void thePlotIsAPngWithTheCurves() throws IOException {
        Path png = dir.resolve("plot.png");
        Cli.Result r = sweep("goodput-collapse", "--param", RATE, "--from", "100", "--to", "400", "--steps", "4",
                "--duration", "10", "--warmup", "2", "--plot", png.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Wrote " + png), r.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(SweepPlot.WIDTH, image.getWidth());
        assertEquals(SweepPlot.HEIGHT, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertTrue(colours.contains(0x009E73) && colours.contains(0x0072B2), "goodput and throughput lines drawn");
    }

    /**
     * Measured at one function of a platform: its load (the client's rate, which reaches it through the API), its
     * goodput and its throttles, in the table and in the CSV's stage columns. In dependency-isolation, checkout's
     * dependency takes 100 ms and its work 50 ms: at 400/s about 60 sandboxes, far under the account's 200, so no
     * throttles and goodput = load (less the invokes in flight at the end).
     */
    @Test
    void aSweepMeasuredAtOneFunction() throws IOException {
        Path csv = dir.resolve("checkout.csv");
        Cli.Result r = sweep("dependency-isolation", "--param", "clients.shop.ratePerSecond", "--from", "100",
                "--to", "400", "--steps", "2", "--stage", "checkout", "--timeline", "drop", "--duration", "8",
                "--warmup", "2", "--out", csv.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("measured at stage checkout"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(" stage=checkout"), lines.get(0));
        List<String> header = List.of(lines.get(1).split(","));
        int load = header.indexOf("stageLoadPerSecond");
        int goodput = header.indexOf("stageGoodputPerSecond");
        int rejected = header.indexOf("stageRejectedShare");
        assertTrue(load > 0 && goodput > 0 && rejected > 0, lines.get(1));
        for (String row : lines.subList(2, lines.size())) {
            String[] cells = row.split(",", -1);
            double value = Double.parseDouble(cells[3]);
            assertEquals(value, Double.parseDouble(cells[load]), 0.15 * value, "load at checkout: " + row);
            // goodput counts the useful answers of the attempts that arrived in the 6 s measured: all but those still
            // in flight at the end, about 150 ms of arrivals (2.5%)
            assertEquals(Double.parseDouble(cells[load]), Double.parseDouble(cells[goodput]), 0.05 * value, row);
            assertEquals(0, Double.parseDouble(cells[rejected]), 1e-9, row);
            assertTrue(Double.parseDouble(cells[8]) > Double.parseDouble(cells[goodput]) + 500,
                    "the totals also count search's 1,000/s: " + row);
        }
        assertOneErrorLine(sweep("dependency-isolation", "--param", "clients.shop.ratePerSecond", "--from", "100",
                "--to", "400", "--stage", "chekout"), "--stage", "chekout", "checkout", "search");
    }

    private void assertOneErrorLine(Cli.Result r, String... parts) {
        assertEquals(OverloadLabCli.EXIT_USAGE, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "names '" + p + "': " + r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void userMistakesInASweepAreOneErrorLine() {
        assertOneErrorLine(sweep("goodput-collapse", "--param", RETRIES, "--from", "1", "--to", "2", "--steps", "3"),
                "--steps 3", "1.5", RETRIES, "whole numbers");
        assertOneErrorLine(sweep("goodput-collapse", "--param", "services.api.discipline", "--from", "0", "--to", "1",
                "--steps", "2"), "services.api.discipline", "not a number");
        assertOneErrorLine(sweep("goodput-collapse", "--param", RATE, "--from", "1", "--to", "2", "--timeline", "x"),
                "--timeline");
        assertOneErrorLine(sweep("goodput-collapse", "--param", RATE, "--from", "1", "--to", "2", "--steps", "0"),
                "--steps");
    }

    private Path partial(String name, String... rows) throws IOException {
        StringBuilder sb = new StringBuilder("# sweep path=" + RATE + " from=10 to=20 steps=2 replications=1 seed=1 "
                + "duration=1 warmup=0 timeline=keep\n" + lab.overload.engine.run.Sweep.HEADER + "\n");
        for (String row : rows) {
            sb.append(row).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    @Test
    void mergeRefusesBrokenRowsForeignIndexesAndIncompletePlans() throws IOException {
        String cells = ",0,0,10,1,1,1,1,1,1,1,1,0,0,0,1,0";
        String row0 = "0" + cells;
        String row1 = "1" + cells.replaceFirst(",0,0,10,", ",1,0,20,");
        assertEquals(0, Cli.run("merge", partial("ok.csv", row0, row1).toString()).code());
        assertOneErrorLine(Cli.run("merge", partial("a.csv", row0, "garbage").toString()), "line 4",
                "not a sweep row");
        assertOneErrorLine(Cli.run("merge", partial("b.csv", row0, row1, "7" + cells).toString()),
                "grid point 7 lies outside the plan");
        assertOneErrorLine(Cli.run("merge", partial("c.csv", row0).toString()), "grid point 1 of 2 is missing");
        Path out = dir.resolve("merged.csv");
        assertOneErrorLine(Cli.run("merge", partial("d.csv", row0, row1).toString(), "--out",
                dir.resolve("d.csv").toString()), "--out");
        assertFalse(Files.exists(out));
    }
}
