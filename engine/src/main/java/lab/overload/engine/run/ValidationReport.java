package lab.overload.engine.run;

import java.util.List;
import java.util.Locale;

/** The {@link Validation} suite's results as a Markdown table (the CLI's report and {@code docs/validation.md}). */
final class ValidationReport {
    private ValidationReport() {
    }

    /** The table and pass-rule line {@link Validation#report} describes. */
    static String table(List<ValidationResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("| case | theory | simulated ± hw95 | criterion | pass |\n");
        b.append("|---|---:|---:|---|:---:|\n");
        for (ValidationResult r : results) {
            String unit = r.unit().isEmpty() ? "" : " " + r.unit();
            String hw = Double.isNaN(r.halfWidth95()) ? "" : " ± " + fmt(r.halfWidth95());
            String ci = Double.isNaN(r.halfWidth99()) ? "" : "99% CI " + fmt(r.halfWidth99()) + ", ";
            b.append("| ").append(r.name()).append(" (").append(r.source()).append(")")
                    .append(" | ").append(fmt(r.theory())).append(unit)
                    .append(" | ").append(fmt(r.simulated())).append(hw).append(unit)
                    .append(" | Δ ").append(fmt(Math.abs(r.difference())))
                    .append(r.pass() ? " ≤ max(" : " > max(").append(ci)
                    .append("tol ").append(fmt(r.tolerance())).append(")")
                    .append(" | ").append(r.pass() ? "yes" : "**NO**").append(" |\n");
        }
        int n = results.isEmpty() ? 0 : results.get(0).replications();
        long passed = results.stream().filter(ValidationResult::pass).count();
        b.append('\n').append(passed).append(" of ").append(results.size()).append(" cases pass (").append(n)
                .append(" replications each). A case passes when |simulated − theory| ≤ max(99% Student-t")
                .append(" half-width of the replication mean, stated tolerance for edge effects and rounding).\n");
        return b.toString();
    }

    private static String fmt(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
