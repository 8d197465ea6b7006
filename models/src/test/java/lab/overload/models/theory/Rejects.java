package lab.overload.models.theory;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Test helper: asserts an IllegalArgumentException whose message names the parameter and a range. */
final class Rejects {
    private Rejects() {
    }

    static void assertRejects(String parameter, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call,
                "expected IllegalArgumentException for bad " + parameter);
        String msg = e.getMessage();
        assertTrue(msg != null && msg.startsWith(parameter + " must"),
                "message should start with '" + parameter + " must' but was: " + msg);
        assertTrue(msg.matches(".*[\\[(].*,.*[\\])].*"),
                "message should state the allowed range in interval notation but was: " + msg);
    }
}
