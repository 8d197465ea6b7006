package lab.overload.engine.component;

/**
 * Whoever sent an attempt to a {@link Target}: a client group, or a stage calling onward (a service's worker calling
 * its dependency stage). The stage answers through {@link #onAnswer} while the caller still waits for the attempt;
 * an attempt whose caller has given up ({@link Attempt#clientDone}) gets no answer.
 */
interface Caller {
    /** The stage did the work and answered successfully. */
    int OK = 0;
    /** The stage did the work (or tried) and answered with an error. */
    int ERROR = 1;
    /** The stage refused the attempt (shed, or no host up): a cheap rejection the caller may retry. */
    int REJECTED = 2;

    /**
     * The stage answers the attempt now with {@link #OK}, {@link #ERROR} or {@link #REJECTED}. Called once per
     * attempt, and only while the caller still waits for it.
     */
    void onAnswer(Attempt a, int answer, long nowMicros);
}
