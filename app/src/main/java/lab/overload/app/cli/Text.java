package lab.overload.app.cli;

/** Text from files and arguments made safe to print on a terminal. */
final class Text {
    private Text() {
    }

    /**
     * The text with control characters (C0, DEL, C1, and the line and paragraph separators) written as escapes:
     * {@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}; backslashes stay as they are. A name with an
     * escape sequence in it cannot then move the cursor, clear the screen or forge an extra output line.
     */
    static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
