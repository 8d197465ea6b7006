package lab.overload.models.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes on a disk that fills up, and the permissions of what they create. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    /**
     * A disk with {@code capacity} bytes left: each write writes at most {@code maxPerWrite} bytes (a short write, as
     * a channel may), and once the capacity is used up the next write fails as a full disk does.
     */
    private static AtomicFiles.ChannelOpener fullDisk(long capacity, int maxPerWrite) {
        return tmp -> new WritableByteChannel() {
            private final FileChannel file = AtomicFiles.FILE_CHANNEL.open(tmp) instanceof FileChannel f ? f : null;
            private long left = capacity;

            @Override
            public int write(ByteBuffer src) throws IOException {
                if (left == 0 && src.hasRemaining()) {
                    throw new IOException("No space left on device");
                }
                int n = (int) Math.min(Math.min(src.remaining(), maxPerWrite), left);
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + n);
                int written = file.write(part);
                src.position(src.position() + written);
                left -= written;
                return written;
            }

            @Override
            public boolean isOpen() {
                return file.isOpen();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }

    private static byte[] rows(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i).append(",some,values,of,row,").append(i).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void shortWritesAreRepeatedUntilEveryByteIsWritten() throws IOException {
        Path target = dir.resolve("out.csv");
        byte[] content = rows(20_000);
        AtomicFiles.write(target, content, fullDisk(Long.MAX_VALUE, 777));
        assertArrayEquals(content, Files.readAllBytes(target), "a channel that writes 777 bytes a call still gets "
                + "all " + content.length + " bytes");
    }

    @Test
    void aFullDiskLeavesThePreviousFileAndNoTempFileAndNamesTheFile() throws IOException {
        Path target = dir.resolve("sweep.csv");
        byte[] previous = rows(10);
        Files.write(target, previous);
        byte[] content = rows(500);

        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.write(target, content, fullDisk(content.length / 2, 1000)));

        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("No space left on device"),
                "names the file and the cause: " + e.getMessage());
        assertArrayEquals(previous, Files.readAllBytes(target), "the previous file is intact");
        assertEquals(List.of(target), listing(), "the temporary file is gone");
    }

    @Test
    void aStreamThatFailsHalfWayAbortsAndTheOldFileStays() throws IOException {
        Path target = dir.resolve("intervals.csv");
        Files.writeString(target, "old\n");
        try (AtomicFiles.Output out = AtomicFiles.open(target, fullDisk(100_000, 4096))) {
            IOException e = assertThrows(IOException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    out.write(rows(10));
                }
                out.commit();
            });
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        }
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void closingWithoutCommitLeavesTheTargetAlone() throws IOException {
        Path target = dir.resolve("a.txt");
        try (AtomicFiles.Output out = AtomicFiles.open(target)) {
            out.write(rows(3));
        }
        assertFalse(Files.exists(target));
        assertEquals(List.of(), listing());
    }

    @Test
    void newFilesGetTheUmaskPermissionsAndReplacedFilesKeepTheirs() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> umaskDefault = Files.getPosixFilePermissions(probe);
        Files.delete(probe);

        Path fresh = dir.resolve("fresh.json");
        AtomicFiles.write(fresh, rows(2));
        assertEquals(umaskDefault, Files.getPosixFilePermissions(fresh),
                "created like any other file (the umask applies), not 0600");

        Path privateFile = dir.resolve("private.json");
        Files.write(privateFile, rows(1));
        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.write(privateFile, rows(5));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(privateFile),
                "a replaced file keeps its permissions");
        assertArrayEquals(rows(5), Files.readAllBytes(privateFile));
    }
}
