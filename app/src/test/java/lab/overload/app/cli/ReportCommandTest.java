package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final List<String> TABLE = List.of("Goodput collapse (seed 42)", "Requests (arrived after warm-up)",
            "Attempts (sent after warm-up)", "goodput (succeeded)", "Latency of successful requests", "p99.9");

    @TempDir
    Path dir;

    private static void assertPicture(byte[] png, String what) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, what + " should decode as an image");
        assertTrue(image.getWidth() > 400 && image.getHeight() > 300, what + ": " + image.getWidth() + "x"
                + image.getHeight());
    }

    @Test
    void markdownReportHasSettingsTablesAndDecodablePngsNextToIt() throws IOException {
        Path md = dir.resolve("review/shed.md");
        Cli.Result r = Cli.run("report", "goodput-collapse", "--duration", "10",
                "--set", "services.api.queueCapacity=16", "--out", md.toString());
        assertEquals(0, r.code(), r.toString());
        String text = Files.readString(md);
        assertTrue(text.startsWith("# Goodput collapse\n"), text);
        assertTrue(text.contains("- `services.api.queueCapacity: 100000 -> 16`"), text);
        assertTrue(text.contains("- `durationSeconds: 90 -> 10`"), text);
        for (String row : TABLE) {
            assertTrue(text.contains(row), row + " missing from\n" + text);
        }
        for (String chart : ReportCommand.CHARTS) {
            String name = "shed-" + chart + ".png";
            assertTrue(text.contains("](" + name + ")"), name + " is not referenced");
            assertPicture(Files.readAllBytes(md.resolveSibling(name)), name);
        }
    }

    @Test
    void htmlReportIsOneFileWithTheChartsEmbedded() throws IOException {
        Path html = dir.resolve("collapse.html");
        Cli.Result r = Cli.run("report", "goodput-collapse", "--duration", "10", "--out", html.toString());
        assertEquals(0, r.code(), r.toString());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(html), files.toList(), "only the one HTML file is written");
        }
        String text = Files.readString(html);
        assertTrue(text.startsWith("<!DOCTYPE html>"), text.substring(0, 40));
        assertTrue(text.contains("<li><code>durationSeconds: 90 -&gt; 10</code></li>\n</ul>")
                && !text.contains("services.api"), "only the duration differs from the preset");
        for (String row : TABLE) {
            assertTrue(text.contains(row), row + " missing");
        }
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(text);
        int images = 0;
        while (m.find()) {
            assertPicture(Base64.getDecoder().decode(m.group(1)), "embedded chart " + images);
            images++;
        }
        assertEquals(ReportCommand.CHARTS.length, images);
    }

    @Test
    void anOutputThatIsNeitherHtmlNorMarkdownIsBadInput() {
        Path out = dir.resolve("report.pdf");
        Cli.Result r = Cli.run("report", "goodput-collapse", "--out", out.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("error: --out ") && r.err().contains(".html"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }
}
