package kubelab.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Code the course text quotes, cut from the running source by markers, so that text and code never
 * drift: a region between {@code // tag::name[]} and {@code // end::name[]} in a source file is
 * the excerpt {@code name}, with its common indentation removed and nested markers dropped.
 * A chapter quotes it under a comment {@code <!-- excerpt: path#name -->}, and a test fails
 * when the quoted block and the source differ.
 *
 * <p>The same idea as Crafting Interpreters' snippets and AsciiDoc's tagged regions.
 */
public final class Excerpts {
    private Excerpts() {
    }

    /**
     * The excerpt {@code tag} of the file at {@code path}.
     *
     * @throws IllegalArgumentException if the file has no such tagged region
     */
    public static String cut(Path path, String tag) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String start = "// tag::" + tag + "[]";
        String end = "// end::" + tag + "[]";
        List<String> region = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            String t = line.trim();
            if (t.equals(start)) {
                inside = true;
            } else if (t.equals(end)) {
                return dedent(region);
            } else if (inside && !(t.startsWith("// tag::") || t.startsWith("// end::"))) {
                region.add(line);
            }
        }
        throw new IllegalArgumentException(path + " has no region tagged " + tag);
    }

    private static final java.util.regex.Pattern QUOTE = java.util.regex.Pattern.compile(
            "(<!-- excerpt: (\\S+)#(\\S+) -->\n```\\w*\n)(.*?)(```)", java.util.regex.Pattern.DOTALL);

    /**
     * Rewrites every quoted block of a chapter from the source it names, paths relative to
     * {@code root}. Run {@code java kubelab.course.Excerpts chapters/*.md} after changing quoted code.
     */
    public static String refresh(String chapter, Path root) {
        java.util.regex.Matcher m = QUOTE.matcher(chapter);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String code = cut(root.resolve(m.group(2)), m.group(3));
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(m.group(1) + code + m.group(5)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Refreshes the quoted code in the chapter files given, in place. */
    public static void main(String[] args) throws IOException {
        for (String file : args) {
            Path p = Path.of(file);
            Files.writeString(p, refresh(Files.readString(p), Path.of("")));
        }
    }

    private static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }
}
