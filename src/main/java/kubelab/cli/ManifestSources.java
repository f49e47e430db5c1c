package kubelab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the {@code FILE} arguments of a command into the texts to read, the way
 * {@code kubectl apply -f PATH -R} does: a file is itself, a directory is every {@code .yaml},
 * {@code .yml} and {@code .json} file below it, and {@code -} is standard input.
 *
 * <p>A directory is walked as Go's {@code filepath.Walk} walks it: the entries of each directory
 * in name order, descending into a subdirectory where its name falls. So {@code pods/config/a.yaml}
 * comes before {@code pods/init.yaml}, and the order is the same on every machine.
 *
 * <p>Nothing here throws for a user's mistake: a path that does not exist or cannot be read
 * becomes a {@link Source} carrying the message, so one bad argument does not hide the others.
 *
 * <p>Real Kubernetes: {@code k8s.io/cli-runtime/pkg/resource} ({@code FileVisitor},
 * {@code ExpandPathsToFileVisitors}).
 */
final class ManifestSources {
    /** The file name endings kubectl reads in a directory. */
    static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");
    /** The name kubectl gives standard input in its messages. */
    static final String STDIN = "STDIN";

    private final Path workingDirectory;
    private final InputStream stdin;

    /**
     * @param workingDirectory names below it are printed relative to it
     * @param stdin            what {@code -} reads
     */
    ManifestSources(Path workingDirectory, InputStream stdin) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.stdin = stdin;
    }

    /**
     * One file to read: its name for messages and either its text or why it has none.
     *
     * @param name  the file as the user should see it ({@code pods/simple-pod.yaml})
     * @param text  the content, or null if it could not be read
     * @param error why it could not be read, or null
     */
    record Source(String name, String text, String error) {
        static Source of(String name, String text) {
            return new Source(name, text, null);
        }

        static Source failed(String name, String error) {
            return new Source(name, null, error);
        }

        boolean readable() {
            return error == null;
        }
    }

    /**
     * The sources one argument stands for, in order. A directory without manifest files gives one
     * failed source saying so: naming a directory that holds nothing to read is a mistake worth
     * reporting, as {@code kubectl apply} does ({@code error: no objects passed to apply}).
     */
    List<Source> expand(String argument) {
        if (argument.equals("-")) {
            return List.of(readStdin());
        }
        Path path = Path.of(argument);
        String name = displayName(path);
        if (!Files.exists(path)) {
            return List.of(Source.failed(name, "the path \"" + name + "\" does not exist"));
        }
        if (!Files.isDirectory(path)) {
            return List.of(read(path));
        }
        List<Path> files = new ArrayList<>();
        try {
            walk(path, files);
        } catch (UncheckedIOException e) {
            return List.of(Source.failed(name, "cannot list the directory \"" + name + "\": " + reason(e.getCause())));
        }
        if (files.isEmpty()) {
            return List.of(Source.failed(name, "no manifest files (" + String.join(", ", EXTENSIONS.stream()
                    .map(e -> "*" + e).toList()) + ") in the directory \"" + name + "\""));
        }
        return files.stream().map(this::read).toList();
    }

    /**
     * How a path is shown: relative to the working directory when it lies below it, otherwise as
     * given, so messages point at files the way the user named them.
     */
    String displayName(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)) {
            return workingDirectory.relativize(absolute).toString();
        }
        return path.toString();
    }

    /** Depth first, each directory's entries sorted by name, as {@code filepath.Walk} visits them. */
    private static void walk(Path directory, List<Path> out) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(directory)) {
            entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                walk(entry, out);
            } else if (Files.isRegularFile(entry) && isManifestFile(entry)) {
                out.add(entry);
            }
        }
    }

    private static boolean isManifestFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private Source read(Path file) {
        String name = displayName(file);
        try {
            return Source.of(name, decodeUtf8(Files.readAllBytes(file)));
        } catch (CharacterCodingException e) {
            return Source.failed(name, name + ": not UTF-8 text; manifests are YAML or JSON in UTF-8");
        } catch (NoSuchFileException e) {
            return Source.failed(name, "the path \"" + name + "\" does not exist");
        } catch (IOException e) {
            return Source.failed(name, "cannot read \"" + name + "\": " + reason(e));
        }
    }

    private Source readStdin() {
        try {
            return Source.of(STDIN, decodeUtf8(stdin.readAllBytes()));
        } catch (CharacterCodingException e) {
            return Source.failed(STDIN, STDIN + ": not UTF-8 text; manifests are YAML or JSON in UTF-8");
        } catch (IOException e) {
            return Source.failed(STDIN, "cannot read " + STDIN + ": " + reason(e));
        }
    }

    /** Strict decoding: a binary file is reported, not read as replacement characters. */
    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    /** The operating system's words for an I/O failure, without Java class names. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : message;
    }
}
