package lab.overload.app.view;

import lab.overload.models.scenario.FieldDef;

/** Maps slider position 0..1 to a value: linear, or logarithmic when the range spans decades. */
record SliderScale(double lo, double hi, boolean log) {
    static SliderScale around(FieldDef def, double value) {
        if (def.logScale()) {
            double floor = def.min() > 0 ? def.min() : Math.min(1, def.max() / 1000);
            double center = value > 0 ? value : Math.max(floor, 1);
            return new SliderScale(Math.max(floor, center / 100), Math.min(def.max(), center * 100), true);
        }
        double hi = value > 0 ? Math.min(def.max(), Math.max(value * 10, def.min() + 1e-9)) : def.max();
        if (def.kind() == FieldDef.Kind.INTEGER) {
            hi = Math.min(def.max(), Math.max(hi, def.min() + 10));
        }
        return new SliderScale(def.min(), hi, false);
    }

    /**
     * The value at a slider position, rounded as people type values: the roundest value (fewest significant digits,
     * then a multiple of 5 in the last one) within half a pixel of the position, so a drag can land on 50, 150 or 300
     * and never loses more than half a pixel; whole numbers for integer fields.
     *
     * @param pixels the slider's length on screen
     */
    double snapped(FieldDef def, double position, double pixels) {
        double halfPixel = 0.5 / Math.max(20, pixels);
        double v = toValue(position);
        double a = toValue(Math.max(0, position - halfPixel));
        double b = toValue(Math.min(1, position + halfPixel));
        double snapped = roundestBetween(Math.min(a, b), Math.max(a, b), v);
        return def.kind() == FieldDef.Kind.INTEGER ? Math.round(snapped) : snapped;
    }

    /** The value in [lo, hi] with the fewest significant digits (a final 5 counts as half a digit), nearest v. */
    static double roundestBetween(double lo, double hi, double v) {
        if (v == 0 || !Double.isFinite(v) || lo <= 0 && hi >= 0) {
            return lo <= 0 && hi >= 0 ? 0 : v;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(Math.abs(lo), Math.abs(hi)))));
        for (int digits = 0; digits < 8; digits++) {
            double step = magnitude / Math.pow(10, digits);
            for (double grid : new double[] {step * 5, step}) {
                double candidate = Math.round(v / grid) * grid;
                double best = Double.NaN;
                for (double c : new double[] {candidate, candidate - grid, candidate + grid}) {
                    if (c >= lo && c <= hi && (Double.isNaN(best) || Math.abs(c - v) < Math.abs(best - v))) {
                        best = c;
                    }
                }
                if (!Double.isNaN(best)) {
                    return roundSignificant(best, digits + 2);
                }
            }
        }
        return roundSignificant(v, 8);
    }

    double toValue(double position) {
        return log ? lo * Math.pow(hi / lo, position) : lo + (hi - lo) * position;
    }

    double toPosition(double value) {
        double v = Math.max(lo, Math.min(hi, value));
        return log ? Math.log(v / lo) / Math.log(hi / lo) : (hi == lo ? 0 : (v - lo) / (hi - lo));
    }

    /** Rounds to a few significant digits, so dragged values read like values people type. */
    static double roundSignificant(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
    }
}
