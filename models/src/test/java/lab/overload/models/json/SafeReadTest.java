package lab.overload.models.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScenarioCodec#readFile(Path)}: regular files only, checked before opening; never more than the limit. */
class SafeReadTest {
    @TempDir
    Path dir;

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.json");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo made a FIFO");
        // Opening a FIFO with no writer blocks for ever; the guard only catches a hang, it asserts no speed.
        NotRegularFileException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(NotRegularFileException.class, () -> ScenarioCodec.readFile(fifo)));
        assertTrue(e.getMessage().contains("pipe.json") && e.getMessage().contains("not a regular file"),
                e.getMessage());
    }

    @Test
    void aDeviceIsRefused() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero));
        assertThrows(NotRegularFileException.class, () -> ScenarioCodec.readFile(zero));
    }

    @Test
    void aBrokenLinkIsNoSuchFile() throws IOException {
        Path link = dir.resolve("mine.json");
        try {
            Files.createSymbolicLink(link, dir.resolve("gone.json"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here");
        }
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ScenarioCodec.readFile(link));
        assertTrue(e.getMessage().contains("broken link"), e.getMessage());
    }

    @Test
    void aLinkToARegularFileIsRead() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), ScenarioCodecTest.MINIMAL);
        Path link = dir.resolve("link.json");
        try {
            Files.createSymbolicLink(link, real);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here");
        }
        assertEquals("Minimal", ScenarioCodec.readFile(link).name());
    }

    /** A source that never ends (as /dev/zero, or a file that grows): reading stops one byte past the limit. */
    @Test
    void anEndlessStreamIsReadOnlyUpToTheLimit() {
        long[] served = new long[1];
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                served[0] += len;
                return len;
            }
        };
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class,
                () -> ScenarioCodec.readBounded(endless));
        assertTrue(e.getMessage().contains("larger than the limit of " + ScenarioCodec.MAX_DOCUMENT_BYTES),
                e.getMessage());
        assertEquals(ScenarioCodec.MAX_DOCUMENT_BYTES + 1, served[0], "read one byte past the limit, no more");
    }
}
