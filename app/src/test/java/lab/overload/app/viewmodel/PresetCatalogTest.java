package lab.overload.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's preset folder never blocks the start: a FIFO and a broken link are skipped unread, with a note; an
 * oversized file is refused after reading at most the document limit; good files are listed; saved names map to
 * plain file names.
 */
class PresetCatalogTest {
    private final String previous = System.getProperty("overloadlab.userPresets");

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("overloadlab.userPresets");
        } else {
            System.setProperty("overloadlab.userPresets", previous);
        }
    }

    @Test
    void fifosAndBrokenLinksAreSkippedWithANote(@TempDir Path dir) throws Exception {
        System.setProperty("overloadlab.userPresets", dir.toString());
        Files.writeString(dir.resolve("good.json"), bundledText("load-shedding.json"));
        Path fifo = dir.resolve("fifo.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "fixture: mkfifo works");
        Files.createSymbolicLink(dir.resolve("broken.json"), dir.resolve("missing-target.json"));
        try {
            // The guard is for a hang only (a read of the FIFO blocks until a writer comes); it claims no speed.
            List<PresetCatalog.Entry> all = assertTimeoutPreemptively(Duration.ofSeconds(30), PresetCatalog::all,
                    "listing the presets must not read the FIFO");
            Map<String, PresetCatalog.Entry> user = all.stream().filter(e -> e.file() != null)
                    .collect(Collectors.toMap(e -> e.file().getFileName().toString(), Function.identity()));
            assertEquals(3, user.size(), "every user file is listed: " + user.keySet());
            assertTrue(user.get("good.json").ok(), "the good file loads");
            for (String skipped : List.of("fifo.json", "broken.json")) {
                PresetCatalog.Entry e = user.get(skipped);
                assertFalse(e.ok(), skipped + " is not loaded");
                assertTrue(e.label().contains("skipped") && e.error().contains("not a regular file"),
                        skipped + " carries a note: " + e.label() + " / " + e.error());
            }
            IOException refused = assertThrows(IOException.class, () -> PresetCatalog.readFile(fifo));
            assertTrue(refused.getMessage().contains("not a regular file"), refused.getMessage());
        } finally {
            unblock(fifo);
        }
    }

    @Test
    void anOversizedFileIsRefusedNamingTheLimit(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[lab.overload.models.json.ScenarioCodec.MAX_DOCUMENT_BYTES + 10]);
        Exception e = assertThrows(lab.overload.models.json.ScenarioFormatException.class,
                () -> PresetCatalog.readFile(big));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void savedNamesBecomePlainFileNamesInTheUserFolder(@TempDir Path dir) {
        System.setProperty("overloadlab.userPresets", dir.toString());
        assertEquals(dir.resolve("my-retry-storm-2.json"), PresetCatalog.userFileFor("My retry storm #2"));
        assertEquals(dir.resolve("scenario.json"), PresetCatalog.userFileFor("???"));
        assertEquals(dir, PresetCatalog.userFileFor("../../etc/passwd").getParent(), "never outside the folder");
    }

    /** A reader blocked on the FIFO (old code) gets end-of-file; with no reader this daemon waits harmlessly. */
    private static void unblock(Path fifo) {
        Thread t = new Thread(() -> {
            try (var out = Files.newOutputStream(fifo)) {
                out.flush();
            } catch (IOException ignored) {
                // nothing to unblock
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static String bundledText(String name) throws IOException {
        try (InputStream in = PresetCatalog.class.getResourceAsStream("/presets/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
