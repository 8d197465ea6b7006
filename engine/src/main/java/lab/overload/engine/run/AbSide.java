package lab.overload.engine.run;

/** Which side of an A/B split a live change goes to (see {@link LiveRunner#split}). */
public enum AbSide {
    /** Side A only (the run as it was before the split; the only side while the split is off). */
    A,
    /** Side B only. */
    B,
    /** Both sides, at the same sim time. */
    BOTH
}
