package lab.overload.engine.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Joins the shard CSVs of one sweep into the CSV a single process would have written: the same plan line, the same
 * header, every grid index exactly once, in index order. Streaming: each shard's rows are in index order (as
 * {@link Sweep} writes them), so the merge reads one row per input at a time and its memory does not grow with the
 * sweep. Every row is checked: as many cells as the header, an integer index inside the plan, ascending within its
 * input, none missing and none twice. A problem is an IllegalArgumentException naming the input and line.
 */
public final class SweepMerge {
    private SweepMerge() {
    }

    /** One input: its current row (null at the end), that row's index and line number. */
    private static final class Cursor {
        final int input;
        final BufferedReader reader;
        final int columns;
        String row;
        int index = -1;
        int line = 2;

        Cursor(int input, BufferedReader reader, int columns) {
            this.input = input;
            this.reader = reader;
            this.columns = columns;
        }

        void advance(int total) throws IOException {
            int previous = index;
            do {
                row = reader.readLine();
                line++;
            } while (row != null && row.isBlank());
            if (row == null) {
                return;
            }
            index = index(row, columns, total, "input " + input + ", line " + line);
            if (index <= previous) {
                throw new IllegalArgumentException("input " + input + ", line " + line + ": grid point " + index
                        + (index == previous ? " appears twice" : " comes after " + previous)
                        + " (rows of a sweep CSV are in index order)");
            }
        }
    }

    /** Merges the inputs (each positioned at its first line) into {@code out}; returns the rows written. */
    public static int merge(List<BufferedReader> inputs, Writer out) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs to merge");
        }
        String planLine = null;
        int total = -1;
        Cursor[] cursors = new Cursor[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            BufferedReader r = inputs.get(i);
            String plan = r.readLine();
            String header = r.readLine();
            if (plan == null || header == null || !plan.startsWith("# sweep ")
                    || !header.equals(Sweep.headerFor(plan))) {
                throw new IllegalArgumentException("input " + (i + 1)
                        + " is not a sweep CSV (no plan line and header)");
            }
            if (planLine == null) {
                planLine = plan;
                total = planSize(planLine);
            } else if (!planLine.equals(plan)) {
                throw new IllegalArgumentException("input " + (i + 1) + " is from another sweep: '" + plan
                        + "' vs '" + planLine + "'");
            }
            cursors[i] = new Cursor(i + 1, r, header.split(",").length);
            cursors[i].advance(total);
        }
        out.write(planLine + "\n" + Sweep.headerFor(planLine) + "\n");
        for (int expected = 0; expected < total; expected++) {
            Cursor found = null;
            for (Cursor c : cursors) {
                if (c.row != null && c.index == expected) {
                    if (found != null) {
                        throw new IllegalArgumentException("grid point " + expected + " appears twice");
                    }
                    found = c;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("grid point " + expected + " of " + total
                        + " is missing (a shard did not finish?)");
            }
            out.write(found.row);
            out.write('\n');
            found.advance(total);
        }
        out.flush();
        return total;
    }

    /** The grid index of a CSV row, checked: as many cells as the header, an index inside the plan. */
    private static int index(String line, int columns, int total, String where) {
        String[] cells = line.split(",", -1);
        if (cells.length != columns) {
            throw new IllegalArgumentException(where + ": not a sweep row (" + cells.length + " cells, expected "
                    + columns + "): '" + abbreviate(line) + "'");
        }
        int index;
        try {
            index = Integer.parseInt(cells[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": index '" + abbreviate(cells[0]) + "' is not an integer");
        }
        if (index < 0 || index >= total) {
            throw new IllegalArgumentException(where + ": grid point " + index + " lies outside the plan (0 to "
                    + (total - 1) + ")");
        }
        return index;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static int planSize(String planLine) {
        try {
            long steps = Long.parseLong(field(planLine, "steps"));
            long reps = Long.parseLong(field(planLine, "replications"));
            if (steps < 1 || reps < 1 || steps * reps > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) (steps * reps);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("plan line has no valid steps and replications: "
                    + abbreviate(planLine));
        }
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("plan line has no " + name + ": " + abbreviate(line));
    }
}
