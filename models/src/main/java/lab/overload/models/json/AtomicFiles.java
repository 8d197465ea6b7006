package lab.overload.models.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic file writes: the target either keeps its old content or gets the whole new content, never a part.
 *
 * <p>The new content goes to a temporary file beside the target ({@code .NAME.RANDOM.tmp}), written until every
 * byte is written (a channel may write fewer bytes than asked), forced to disk, then renamed over the target. On any
 * failure the temporary file is deleted, the target is left as it was and an {@link IOException} names the target.
 * A new file gets the permissions the user's umask gives (not the 0600 of {@code Files.createTempFile}); a file that
 * is replaced keeps its permissions.
 *
 * <p>Not thread-safe per {@link Output}; any number of writers may write different targets at once.
 */
public final class AtomicFiles {
    /** Opens the channel a temporary file is written through. The default opens a {@link FileChannel}. */
    @FunctionalInterface
    public interface ChannelOpener {
        WritableByteChannel open(Path tmp) throws IOException;
    }

    /** Creates the temporary file (with default permissions, so the umask applies) and opens it for writing. */
    public static final ChannelOpener FILE_CHANNEL = tmp -> FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);

    private AtomicFiles() {
    }

    /** Writes bytes atomically (see the class comment). */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, FILE_CHANNEL);
    }

    /** Writes bytes atomically through channels from {@code opener} (tests use it to simulate a full disk). */
    public static void write(Path target, byte[] content, ChannelOpener opener) throws IOException {
        try (Output out = open(target, opener)) {
            out.write(content);
            out.commit();
        }
    }

    /** An atomic output to the target: write, then {@link Output#commit()}; closing without a commit aborts. */
    public static Output open(Path target) throws IOException {
        return open(target, FILE_CHANNEL);
    }

    /** {@link #open(Path)} through channels from {@code opener}. */
    public static Output open(Path target, ChannelOpener opener) throws IOException {
        return new Output(target, opener);
    }

    /**
     * A stream to a temporary file that becomes the target on {@link #commit()}. {@link #close()} without a commit
     * (or after a failure) deletes the temporary file and leaves the target untouched. Buffered.
     */
    public static final class Output extends OutputStream {
        private static final int BUFFER_BYTES = 64 * 1024;
        private final Path target;
        private final Path tmp;
        private final WritableByteChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private long written;
        private boolean done;

        private Output(Path target, ChannelOpener opener) throws IOException {
            this.target = target;
            Path dir = target.toAbsolutePath().getParent();
            try {
                Files.createDirectories(dir);
                this.tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(
                        ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
                this.channel = opener.open(tmp);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** The bytes written so far (buffered or on disk). */
        public long bytesWritten() {
            return written + buffer.position();
        }

        @Override
        public void write(int b) throws IOException {
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            checkOpen();
            while (len > 0) {
                if (!buffer.hasRemaining()) {
                    drain();
                }
                int n = Math.min(len, buffer.remaining());
                buffer.put(b, off, n);
                off += n;
                len -= n;
            }
        }

        private void drain() throws IOException {
            checkOpen();
            buffer.flip();
            try {
                while (buffer.hasRemaining()) {
                    written += channel.write(buffer);
                }
            } catch (IOException e) {
                abort();
                throw failure(e);
            }
            buffer.clear();
        }

        private void checkOpen() throws IOException {
            if (done) {
                throw new IOException("cannot write " + target + ": already committed or aborted");
            }
        }

        /** Writes what is buffered, forces it to disk and renames the temporary file over the target. */
        public void commit() throws IOException {
            drain();
            try {
                if (channel instanceof FileChannel fc) {
                    fc.force(true);
                }
                channel.close();
                keepPermissions();
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                abort();
                throw failure(e);
            }
            done = true;
        }

        /** A replaced file keeps its permissions (a private file stays private). */
        private void keepPermissions() {
            try {
                if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
                    if (view != null) {
                        view.setPermissions(Files.getPosixFilePermissions(target));
                    }
                }
            } catch (IOException | UnsupportedOperationException e) {
                // the umask's permissions stay: acceptable
            }
        }

        private void abort() {
            done = true;
            try {
                channel.close();
            } catch (IOException e) {
                // the temporary file is deleted below anyway
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // nothing more can be done; the target is untouched
            }
        }

        private IOException failure(IOException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e instanceof java.nio.file.NoSuchFileException) {
                reason = "no such directory";
            } else if (e instanceof java.nio.file.AccessDeniedException) {
                reason = "permission denied";
            } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
                reason = f.getReason();
            }
            return new IOException("cannot write " + target + ": " + reason, e);
        }

        /** Aborts unless committed: the temporary file is deleted and the target keeps its old content. */
        @Override
        public void close() {
            if (!done) {
                abort();
            }
        }
    }
}
