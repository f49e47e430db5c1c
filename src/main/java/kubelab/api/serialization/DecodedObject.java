package kubelab.api.serialization;

import java.util.List;
import kubelab.api.meta.KubeObject;

/**
 * A manifest turned into its typed object, with the warnings decoding it produced
 * ({@code unknown field "spec.containers[0].imagePullPolicyy"}).
 *
 * <p>Real Kubernetes: what {@code kubectl apply} sends, plus the {@code Warning:} lines it prints.
 *
 * @param manifest where it came from
 * @param object   the typed object
 * @param warnings duplicate and unknown fields, in Kubernetes' words
 */
public record DecodedObject(Manifest manifest, KubeObject object, List<String> warnings) {
    public DecodedObject {
        warnings = List.copyOf(warnings);
    }

    /** Each warning prefixed with where it was found: {@code pods/x.yaml (document 2, line 14): unknown field "spec.foo"}. */
    public List<String> taggedWarnings() {
        return warnings.stream().map(w -> manifest.where() + ": " + w).toList();
    }
}
