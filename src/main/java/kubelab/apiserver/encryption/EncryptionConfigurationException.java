package kubelab.apiserver.encryption;

import java.util.List;

/**
 * An encryption configuration file that cannot be used: each problem names the file and the field
 * path ({@code encryption-config.yaml: resources[0].providers[0].aesgcm.keys[0].secret: ...}), one
 * problem a line, so the message can be printed to the user as it is, without a stack trace.
 *
 * <p>Real Kubernetes: kube-apiserver refuses to start with the aggregated validation errors of
 * {@code k8s.io/apiserver/pkg/apis/apiserver/validation}.
 */
public final class EncryptionConfigurationException extends RuntimeException {
    private final transient List<String> problems;

    EncryptionConfigurationException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each starting with the file name. */
    public List<String> problems() {
        return problems;
    }
}
