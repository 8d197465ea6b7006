package lab.overload.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lab.overload.engine.run.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code merge}: joins the shard CSVs of one sweep into the CSV a single run would have written. */
@Command(name = "merge", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION,
        description = {"Join the CSVs written by 'sweep --shard i/n' into one, checking that they come from the same "
            + "sweep and that every grid point is present exactly once."},
        footer = {"", "Example:", "  overload-lab merge part-*.csv --out sweep.csv"})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CSV", description = "Shard CSV files.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the merged CSV to FILE (default: print).")
    Path out;

    @Override
    public Integer call() {
        List<String> texts = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.exists(p) && !Files.isRegularFile(p)) {
                throw new InputException(p + ": not a regular file (a directory, device or pipe); expected a sweep CSV");
            }
            OutputFiles.checkNotInput("--out", out, p);
            try {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InputException(p + ": cannot read (" + e.getMessage() + ")");
            }
        }
        OutputFiles.check("--out", out);
        String merged;
        try {
            merged = Sweep.merge(texts);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        if (out != null) {
            OutputFiles.write(out, merged);
            spec.commandLine().getOut().println("Wrote " + (merged.lines().count() - 2) + " rows to " + out);
        } else {
            spec.commandLine().getOut().print(merged);
        }
        spec.commandLine().getOut().flush();
        return OverloadLabCli.EXIT_OK;
    }
}
