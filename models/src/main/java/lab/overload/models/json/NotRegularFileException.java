package lab.overload.models.json;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** A scenario path that leads to something other than a regular file: a directory, a device, a FIFO or a socket. */
public final class NotRegularFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    public NotRegularFileException(Path file) {
        super(file.toString(), null, "not a regular file (a directory, device or pipe); expected a scenario JSON file");
    }
}
