package kubelab.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.function.Consumer;

/**
 * Rich output from a notebook cell: markdown, HTML, SVG and Mermaid diagrams. In Jupyter the
 * KubeLab kernel shows them as such; anywhere else (the tests, {@code kubelab course}) the plain
 * text is printed instead, so a cell means the same everywhere.
 *
 * <p>Mermaid goes out as markdown with a {@code mermaid} fence, which JupyterLab, VS Code and GitHub
 * draw as a picture, with the source as plain text beside it.
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
        show(MIMEType.TEXT_MARKDOWN, markdown, markdown);
    }

    public static void html(String html) {
        show(MIMEType.TEXT_HTML, html, html);
    }

    public static void svg(String svg) {
        show(MIMEType.IMAGE_SVG, svg, svg);
    }

    /** A Mermaid diagram (its source, e.g. from {@link Diagrams}). */
    public static void mermaid(String source) {
        show(MIMEType.TEXT_MARKDOWN, "```mermaid\n" + source.strip() + "\n```\n", source);
    }

    private static void show(MIMEType type, String rich, String plain) {
        Consumer<DisplayData> to = sink;
        if (to == null) {
            System.out.println(plain.strip());
            return;
        }
        DisplayData data = new DisplayData(plain);
        data.putData(type, rich);
        to.accept(data);
    }
}
