package lab.overload.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import lab.overload.models.json.NotRegularFileException;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;

/**
 * Where a scenario comes from: a JSON file, or a preset bundled with the app (classpath resource
 * {@code /presets/NAME.json}). An existing file always wins over a preset of the same name.
 */
final class ScenarioSource {
    private static final String PRESET_DIR = "presets/";

    private ScenarioSource() {
    }

    /** Reads and validates the scenario; every problem is an {@link InputException} naming the JSON path. */
    static Scenario load(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InputException("SCENARIO must be a scenario JSON file or a preset name");
        }
        Path file = null;
        try {
            file = Path.of(spec);
        } catch (InvalidPathException e) {
            // not a usable path; may still be a preset name
        }
        if (file != null && Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new InputException(Text.escape(spec) + ": a broken link (what it points to does not exist)");
        }
        if (file != null && Files.exists(file)) {
            if (Files.isDirectory(file)) {
                throw new InputException(spec + ": is a directory, not a scenario JSON file");
            }
            try {
                return ScenarioCodec.read(file);
            } catch (NotRegularFileException e) {
                throw new InputException(Text.escape(spec) + ": not a regular file (a device, pipe or socket); "
                        + "expected a scenario JSON file", e);
            } catch (AccessDeniedException e) {
                throw new InputException(spec + ": permission denied", e);
            } catch (IOException e) {
                throw new InputException(spec + ": cannot read: " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage(), e);
            }
        }
        String name = presetName(spec);
        if (name != null) {
            byte[] json = readPreset(name);
            if (json != null) {
                try {
                    return ScenarioCodec.read(json);
                } catch (IllegalArgumentException e) {
                    throw new InputException("preset " + name + ": " + e.getMessage(), e);
                }
            }
        }
        List<String> presets = presetNames();
        throw new InputException(spec + ": no such file, and no bundled preset of that name ("
                + (presets.isEmpty() ? "this build bundles no presets" : "presets: " + String.join(", ", presets))
                + ")");
    }

    /** The existing file a SCENARIO argument names, or null when it names a bundled preset (or nothing). */
    static Path existingFile(String spec) {
        try {
            Path file = spec == null ? null : Path.of(spec);
            return file != null && Files.exists(file) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The preset name a SCENARIO argument may denote ({@code name} or {@code name.json}), or null. */
    private static String presetName(String spec) {
        String name = spec.endsWith(".json") ? spec.substring(0, spec.length() - 5) : spec;
        return name.matches("[A-Za-z0-9_-]+") ? name : null;
    }

    private static byte[] readPreset(String name) {
        try (InputStream in = ScenarioSource.class.getResourceAsStream("/" + PRESET_DIR + name + ".json")) {
            return in == null ? null : ScenarioCodec.readBounded(in);
        } catch (IOException e) {
            throw new InputException("preset " + name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Names of the bundled presets, sorted; empty when none can be found. The index {@code /presets/presets.txt}
     * (one file name a line) is used when present, else the presets directory of the app's jar or classes.
     */
    static List<String> presetNames() {
        List<String> names = new ArrayList<>();
        try (InputStream index = ScenarioSource.class.getResourceAsStream("/" + PRESET_DIR + "presets.txt")) {
            if (index != null) {
                for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#")) {
                        addPreset(names, name.endsWith(".json") ? name : name + ".json");
                    }
                }
                names.sort(null);
                return names;
            }
        } catch (IOException e) {
            names.clear();
        }
        try {
            URL location = ScenarioSource.class.getProtectionDomain().getCodeSource().getLocation();
            Path root = Path.of(location.toURI());
            if (Files.isDirectory(root)) {
                Path dir = root.resolve(PRESET_DIR);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(p -> p.getFileName().toString()).forEach(f -> addPreset(names, f));
                    }
                }
            } else if (Files.isRegularFile(root)) {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String entry = e.nextElement().getName();
                        if (entry.startsWith(PRESET_DIR) && entry.indexOf('/', PRESET_DIR.length()) < 0) {
                            addPreset(names, entry.substring(PRESET_DIR.length()));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    private static void addPreset(List<String> names, String fileName) {
        if (fileName.endsWith(".json")) {
            names.add(fileName.substring(0, fileName.length() - 5));
        }
    }
}
