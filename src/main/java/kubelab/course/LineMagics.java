package kubelab.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The line magics a cell may start with, as IJava has them: {@code %jars} adds jars (paths or
 * simple globs; a directory adds the jars in it) and {@code %classpath} adds class path entries
 * (directories or jars, paths or globs), both relative to the session's working directory. So a
 * notebook can use a library the kernel was not started with, e.g. {@code %jars lib/*.jar}.
 *
 * <p>Real Kubernetes: none; course tooling. IPython named magics; IJava's docs describe these two.
 */
final class LineMagics {
    /** A magic that cannot do what it was asked: the message names the argument. */
    static final class MagicException extends Exception {
        MagicException(String message) {
            super(message, null, false, false);
        }
    }

    private final Path workingDirectory;
    private final Consumer<String> addToClasspath;

    LineMagics(Path workingDirectory, Consumer<String> addToClasspath) {
        this.workingDirectory = workingDirectory;
        this.addToClasspath = addToClasspath;
    }

    /** How long the cell's leading block of magic lines (and blank lines among them) is; 0 if none. */
    static int prefixLength(String cell) {
        int at = 0;
        int end = 0;
        while (at < cell.length()) {
            int nl = cell.indexOf('\n', at);
            int next = nl < 0 ? cell.length() : nl + 1;
            String line = cell.substring(at, next).strip();
            if (line.startsWith("%")) {
                end = next;
            } else if (!line.isEmpty()) {
                break;
            }
            at = next;
        }
        return end;
    }

    /** Runs one magic line ({@code %jars a.jar lib/*.jar}); returns the entries it added, absolute. */
    List<Path> run(String line) throws MagicException {
        String[] words = line.strip().substring(1).strip().split("\\s+");
        String name = words[0];
        List<String> args = List.of(words).subList(1, words.length);
        boolean jars = name.equals("jars");
        if (!jars && !name.equals("classpath")) {
            throw new MagicException("unknown magic %" + name + " (this kernel has %jars and %classpath)");
        }
        if (args.isEmpty()) {
            throw new MagicException("%" + name + " needs at least one path or glob, e.g. %" + name
                    + (jars ? " lib/*.jar" : " target/classes"));
        }
        List<Path> entries = new ArrayList<>();
        for (String arg : args) {
            List<Path> matched = matches(arg);
            if (matched.isEmpty()) {
                throw new MagicException("%" + name + ": nothing matches " + arg + " (relative to " + workingDirectory + ")");
            }
            for (Path p : matched) {
                if (jars && Files.isDirectory(p)) {
                    entries.addAll(jarsIn(p));
                } else if (jars && !p.getFileName().toString().endsWith(".jar")) {
                    throw new MagicException("%jars: " + arg + " matches " + p + ", which is not a jar (use %classpath)");
                } else {
                    entries.add(p);
                }
            }
        }
        entries.forEach(p -> addToClasspath.accept(p.toString()));
        return entries;
    }

    /** The existing files or directories the path or glob names, sorted. */
    private List<Path> matches(String arg) {
        Path path = workingDirectory.resolve(arg).normalize();
        if (!arg.matches(".*[*?\\[{].*")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        // Walk from the longest leading part without a glob character, as deep as the pattern goes.
        Path base = path.getRoot() == null ? workingDirectory : path.getRoot();
        int depth = 0;
        boolean globbing = false;
        for (Path part : path.getRoot() == null ? path : path.getRoot().relativize(path)) {
            if (globbing || part.toString().matches(".*[*?\\[{].*")) {
                globbing = true;
                depth = part.toString().contains("**") ? Integer.MAX_VALUE : depth == Integer.MAX_VALUE ? depth : depth + 1;
            } else {
                base = base.resolve(part);
            }
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path);
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
