package lab.overload.app.viewmodel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;

/**
 * The presets a user can pick: the bundled lessons (listed in {@code /presets/presets.txt}, in lesson order) and any
 * scenario files in the user's preset folder ({@code ~/.overload-lab/presets}, or the folder named by the system
 * property {@code overloadlab.userPresets}). A user file that cannot be read is listed with its problem instead of
 * hiding it; one that is not a regular file is listed as skipped, never opened.
 */
public final class PresetCatalog {
    /** One entry of the picker: a bundled resource name or a user file, its loaded scenario or the error. */
    public record Entry(String label, String resource, Path file, Scenario scenario, String error) {
        public boolean ok() {
            return scenario != null;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private PresetCatalog() {
    }

    public static Path userFolder() {
        String configured = System.getProperty("overloadlab.userPresets");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".overload-lab", "presets");
    }

    /** Names of the bundled preset files, in lesson order. */
    public static List<String> bundledNames() {
        try (InputStream in = PresetCatalog.class.getResourceAsStream("/presets/presets.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled preset list", e);
        }
    }

    /** Reads a bundled preset by file name (e.g. {@code goodput-collapse.json}). */
    public static Scenario bundled(String fileName) {
        try (InputStream in = PresetCatalog.class.getResourceAsStream("/presets/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled preset named " + fileName);
            }
            return ScenarioCodec.read(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled preset " + fileName, e);
        }
    }

    /** Every bundled preset, then every readable or unreadable user file (sorted by name). */
    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        for (String name : bundledNames()) {
            Scenario s = bundled(name);
            out.add(new Entry(s.name(), name, null, s, null));
        }
        Path folder = userFolder();
        if (Files.isDirectory(folder)) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.json")) {
                ds.forEach(files::add);
            } catch (IOException e) {
                return out;
            }
            files.sort(null);
            for (Path f : files) {
                out.add(readUser(f));
            }
        }
        return out;
    }

    /**
     * A user file as an entry; an unreadable one carries its error message. A file that is not a regular file (a
     * FIFO, a device, a folder, a broken link) is skipped unread, with a note, so it can never block the start.
     */
    public static Entry readUser(Path file) {
        String label = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return new Entry(label + " (skipped)", null, file, null, NOT_REGULAR);
        }
        try {
            Scenario s = readFile(file);
            return new Entry(s.name() + " (" + label + ")", null, file, s, null);
        } catch (IOException | IllegalArgumentException e) {
            return new Entry(label + " (unreadable)", null, file, null, e.getMessage());
        }
    }

    private static final String NOT_REGULAR = "not a regular file (a FIFO, device, folder or broken link): skipped";

    /**
     * Reads a scenario file safely ({@link ScenarioCodec#readFile}): only a regular file, and at most
     * {@link ScenarioCodec#MAX_DOCUMENT_BYTES} of it whatever size it reports, so a FIFO or an endless file cannot
     * block or exhaust the app.
     */
    public static Scenario readFile(Path file) throws IOException {
        return ScenarioCodec.readFile(file);
    }

    /**
     * The file in the user's preset folder for a scenario name: lower case letters, digits and dashes, e.g.
     * "My retry storm" gives {@code my-retry-storm.json}.
     */
    public static Path userFileFor(String name) {
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return userFolder().resolve((slug.isEmpty() ? "scenario" : slug) + ".json");
    }
}
