package kubelab.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rich output from a notebook cell: markdown, HTML, SVG, Mermaid diagrams and any
 * {@link Displayable}. In Jupyter the KubeLab kernel shows them as such; anywhere else (the tests,
 * {@code kubelab course}) the plain text is printed instead, so a cell means the same everywhere.
 *
 * <p>A Mermaid diagram goes out as one bundle ({@link Mermaid}): HTML that draws it in the classic
 * Notebook, a {@code mermaid} fence for JupyterLab, VS Code and GitHub, and its source as text.
 *
 * <p>Real Kubernetes: none; course tooling. The MIME bundle is Jupyter's {@code display_data}.
 */
public final class Display {
    /** Where displays go while a kernel runs the cell; null outside Jupyter. One kernel per JVM. */
    private static volatile Consumer<DisplayData> sink;

    private Display() {
    }

    /** Called by the kernel: from now on, displays go to the notebook. */
    static void sendTo(Consumer<DisplayData> kernelDisplay) {
        sink = kernelDisplay;
    }

    public static void markdown(String markdown) {
        show(Map.of("text/markdown", markdown, "text/plain", markdown));
    }

    public static void html(String html) {
        show(Map.of("text/html", html, "text/plain", html));
    }

    public static void svg(String svg) {
        show(Map.of("image/svg+xml", svg, "text/plain", svg));
    }

    /** A Mermaid diagram: a {@link Diagram} from {@link Diagrams}, or Mermaid source. */
    public static void mermaid(CharSequence source) {
        show(Mermaid.bundle(source.toString()));
    }

    /** A value that knows its own MIME bundle. */
    public static void show(Displayable value) {
        show(value.mimeBundle());
    }

    private static void show(Map<String, String> bundle) {
        Consumer<DisplayData> to = sink;
        if (to == null) {
            System.out.println(bundle.getOrDefault("text/plain", "").strip());
            return;
        }
        to.accept(displayData(bundle));
    }

    /** Jupyter's form of a bundle; {@code text/plain} is always there. */
    static DisplayData displayData(Map<String, String> bundle) {
        DisplayData data = new DisplayData(bundle.getOrDefault("text/plain", ""));
        bundle.forEach(data::putData);
        return data;
    }
}
