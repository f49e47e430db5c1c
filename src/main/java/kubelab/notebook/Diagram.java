package kubelab.notebook;

import java.util.Map;
import java.util.stream.Stream;

/**
 * A Mermaid diagram's source, as {@link Diagrams} draws it: text (it is a {@link CharSequence}, so
 * {@code contains} and {@code lines} read it as a string does) that a notebook shows as a picture
 * when it is a cell's value or is passed to {@link Display#mermaid}.
 *
 * <p>Real Kubernetes: none; course tooling.
 *
 * @param source the Mermaid source, e.g. {@code flowchart LR\n  a --> b\n}
 */
public record Diagram(String source) implements CharSequence, Displayable {

    public Diagram {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a diagram needs Mermaid source");
        }
    }

    /** Whether the source contains {@code s}, as {@link String#contains}. */
    public boolean contains(CharSequence s) {
        return source.contains(s);
    }

    /** The source's lines, as {@link String#lines}. */
    public Stream<String> lines() {
        return source.lines();
    }

    @Override
    public Map<String, String> mimeBundle() {
        return Mermaid.bundle(source);
    }

    @Override
    public int length() {
        return source.length();
    }

    @Override
    public char charAt(int index) {
        return source.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return source.subSequence(start, end);
    }

    /** The Mermaid source: what a terminal or a test prints. */
    @Override
    public String toString() {
        return source;
    }
}
