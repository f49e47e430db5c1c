package kubelab.notebook;

import java.util.Map;

/**
 * A value that knows how to show itself in a notebook: when a cell's last expression is one, the
 * KubeLab kernel shows its MIME bundle instead of its {@code toString()}.
 *
 * <p>Real Kubernetes: none; course tooling. The bundle is Jupyter's {@code display_data} and
 * {@code execute_result} {@code data}: one entry per MIME type, the front end draws the richest it
 * understands, so it should always hold {@code text/plain}.
 */
public interface Displayable {
    /** MIME type to data, e.g. {@code text/html} to a fragment and {@code text/plain} to its text. */
    Map<String, String> mimeBundle();
}
