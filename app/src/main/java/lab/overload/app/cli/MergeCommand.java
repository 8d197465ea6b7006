package lab.overload.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lab.overload.engine.run.SweepMerge;
import lab.overload.models.json.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code merge}: joins the shard CSVs of one sweep into the CSV a single run would have written, streaming (its
 * memory does not grow with the sweep), to a file atomically or to standard output.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION,
        description = {"Join the CSVs written by 'sweep --shard i/n' into one, checking that they come from the same "
            + "sweep and that every grid point is present exactly once.",
            "",
            "Every row must have the sweep's columns and an index inside the plan; a missing, repeated or foreign "
                + "row is one error line (exit 2) and nothing is written."},
        footer = {"", "Example:", "  overload-lab merge part-*.csv --out sweep.csv"})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CSV", description = "Shard CSV files.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the merged CSV to FILE, atomically (default: print).")
    Path out;

    @Override
    public Integer call() {
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new InputException(p + ": no such file");
            }
            if (!Files.isRegularFile(p)) {
                throw new InputException(p + ": not a regular file (a directory, device or pipe); "
                        + "expected a sweep CSV");
            }
            OutputFiles.checkNotInput("--out", out, p);
        }
        OutputFiles.check("--out", out);
        List<BufferedReader> readers = new ArrayList<>();
        try {
            for (Path p : inputs) {
                readers.add(Files.newBufferedReader(p, StandardCharsets.UTF_8));
            }
            if (out == null) {
                merge(readers, spec.commandLine().getOut());
            } else {
                try (AtomicFiles.Output file = AtomicFiles.open(out)) {
                    Writer w = new OutputStreamWriter(file, StandardCharsets.UTF_8);
                    int rows = merge(readers, w);
                    w.flush();
                    file.commit();
                    spec.commandLine().getOut().println("Wrote " + rows + " rows to " + out);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(e.getFile() + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            for (BufferedReader r : readers) {
                try {
                    r.close();
                } catch (IOException e) {
                    // read-only: nothing to lose
                }
            }
        }
        spec.commandLine().getOut().flush();
        return OverloadLabCli.EXIT_OK;
    }

    private static int merge(List<BufferedReader> readers, Writer out) throws IOException {
        try {
            return SweepMerge.merge(readers, out);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
