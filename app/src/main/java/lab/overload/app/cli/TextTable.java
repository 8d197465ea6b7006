package lab.overload.app.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table in sections: each section has a title row (with column headings) and indented rows. The first
 * column is left-aligned, the others right-aligned; widths are shared by all sections so the whole table lines up.
 */
final class TextTable {
    private static final String GAP = "   ";
    private static final String INDENT = "  ";

    private record Line(boolean title, String label, String[] cells) {
    }

    private final List<Line> lines = new ArrayList<>();

    TextTable section(String title, String... headings) {
        lines.add(new Line(true, title, headings));
        return this;
    }

    TextTable row(String label, String... cells) {
        lines.add(new Line(false, INDENT + label, cells));
        return this;
    }

    String render() {
        int columns = 0;
        for (Line l : lines) {
            columns = Math.max(columns, l.cells().length);
        }
        int[] width = new int[columns + 1];
        for (Line l : lines) {
            width[0] = Math.max(width[0], l.label().length());
            for (int i = 0; i < l.cells().length; i++) {
                width[i + 1] = Math.max(width[i + 1], l.cells()[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Line l : lines) {
            if (l.title() && !first) {
                out.append('\n');
            }
            first = false;
            StringBuilder line = new StringBuilder(l.label());
            line.append(" ".repeat(width[0] - l.label().length()));
            for (int i = 0; i < l.cells().length; i++) {
                line.append(GAP).append(" ".repeat(width[i + 1] - l.cells()[i].length())).append(l.cells()[i]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
