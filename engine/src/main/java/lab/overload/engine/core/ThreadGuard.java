package lab.overload.engine.core;

/**
 * Enforces the thread rule at the engine's entry points: engine code never runs on the UI thread (which would
 * freeze the window). The engine cannot see JavaFX, so the UI registers its thread with {@link #forbid(Thread)}
 * when it starts; the thread JavaFX names "JavaFX Application Thread" is refused even before that.
 */
public final class ThreadGuard {
    /** The name JavaFX gives its application thread on desktop platforms. */
    public static final String FX_THREAD_NAME = "JavaFX Application Thread";

    private static volatile Thread forbidden;

    private ThreadGuard() {
    }

    /** Registers the UI thread (call it on that thread, or pass it); engine entry points then refuse to run on it. */
    public static void forbid(Thread uiThread) {
        forbidden = uiThread;
    }

    /** Throws IllegalStateException when called on the UI thread. */
    public static void checkNotUiThread() {
        Thread t = Thread.currentThread();
        if (t == forbidden || FX_THREAD_NAME.equals(t.getName())) {
            throw new IllegalStateException("engine code must not run on the UI thread (" + t.getName() + ")");
        }
    }
}
