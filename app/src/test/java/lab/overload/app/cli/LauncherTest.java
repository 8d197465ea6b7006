package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import lab.overload.app.Launcher;
import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void helpPrintsUsageAndACommandRuns() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int help;
        int overlap;
        try {
            help = Launcher.run("--help");
            overlap = Launcher.run("overlap", "--nodes", "8", "--shard-size", "2");
        } finally {
            System.setOut(saved);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(0, help);
        assertEquals(0, overlap);
        assertTrue(out.contains("Usage: overload-lab"), out);
        assertTrue(out.contains("53.5714"), out);
    }

    @Test
    void everyHelpPageRendersWithoutPicocliWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"run", "overlap", "validate", "bench", "bench-ui", "screenshots",
                "sweep", "merge"}) {
                Cli.Result r = Cli.run(command, "--help");
                assertEquals(0, r.code(), r.toString());
                assertTrue(r.out().startsWith("Usage: overload-lab " + command), r.out());
                for (String line : r.out().split("\\R")) {
                    assertTrue(line.length() <= 80, "help lines fit 80 columns: " + line);
                }
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", buffer.toString(StandardCharsets.UTF_8));
    }
}
