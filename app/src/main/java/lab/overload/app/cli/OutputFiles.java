package lab.overload.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import lab.overload.models.json.AtomicFiles;

/** Output files: checked before any work is done, written atomically (whole new content or the old one). */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Checks that {@code target} can plausibly be written: not a directory, and its nearest existing ancestor is a
     * writable directory (missing directories are created when writing). Throws an {@link InputException} naming
     * the option otherwise.
     */
    static void check(String option, Path target) {
        if (target == null) {
            return;
        }
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new InputException(option + " " + target + ": is a directory; give a file name");
        }
        if (abs.getFileName() == null) {
            throw new InputException(option + " " + target + ": not a file name");
        }
        Path ancestor = abs.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            throw new InputException(option + " " + target + ": cannot create it, "
                    + (ancestor == null ? "no existing parent directory" : ancestor + " is not a directory"));
        }
        if (!Files.isWritable(ancestor)) {
            throw new InputException(option + " " + target + ": directory " + ancestor + " is not writable");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs)) {
            throw new InputException(option + " " + target + ": exists and is not a regular file (a device, pipe, "
                    + "socket or broken link); give a file name");
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new InputException(option + " " + target + ": file is not writable");
        }
    }

    /**
     * Checks that an output is not the input scenario file ({@link Files#isSameFile}, so links and other spellings of
     * the same path count): writing it would replace the scenario.
     */
    static void checkNotInput(String option, Path target, Path input) {
        if (target == null || input == null || !Files.exists(target) || !Files.exists(input)) {
            return;
        }
        try {
            if (Files.isSameFile(target, input)) {
                throw new InputException(option + " " + target + ": is an input file of this command (writing it "
                        + "would replace it); give another name");
            }
        } catch (IOException e) {
            throw new InputException(option + " " + target + ": cannot check it (" + e.getMessage() + ")", e);
        }
    }

    /** Writes UTF-8 text atomically; failures are reported as an unchecked I/O error naming the file. */
    static void write(Path target, String text) {
        try {
            AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
