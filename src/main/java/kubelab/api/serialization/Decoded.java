package kubelab.api.serialization;

import java.util.List;

/**
 * A decoded value and what the decoder noticed on the way: {@code unknown field "spec.foo"} and
 * {@code duplicate field "metadata.name"}, in Kubernetes' words. With
 * {@code fieldValidation=Warn} the API server returns these as warnings; with {@code Strict} it
 * rejects the request if there are any.
 *
 * <p>Real Kubernetes: the strict-decoding errors of {@code runtime.NewStrictDecodingError}.
 *
 * @param value    the decoded value
 * @param warnings duplicate fields first, then unknown fields, each in document order
 */
public record Decoded<T>(T value, List<String> warnings) {
    public Decoded {
        warnings = List.copyOf(warnings);
    }

    /** True if nothing was dropped or overwritten. */
    public boolean isClean() {
        return warnings.isEmpty();
    }
}
