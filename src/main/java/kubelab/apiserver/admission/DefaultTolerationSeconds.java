package kubelab.apiserver.admission;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.Pod;
import kubelab.api.core.Toleration;

/**
 * Gives every new pod five minutes' grace on a failing node: unless the pod already says how it
 * treats them, it tolerates the {@code node.kubernetes.io/not-ready} and
 * {@code node.kubernetes.io/unreachable} NoExecute taints for 300 seconds. That is why a pod on a
 * node that stops answering is evicted about five minutes later, not at once.
 *
 * <p>Real Kubernetes: {@code plugin/pkg/admission/defaulttolerationseconds}, enabled by default
 * ({@code --default-not-ready-toleration-seconds}, {@code --default-unreachable-toleration-seconds}).
 */
public final class DefaultTolerationSeconds implements AdmissionPlugin.Mutating {
    public static final String NOT_READY = "node.kubernetes.io/not-ready";
    public static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    public static final long DEFAULT_SECONDS = 300;

    private final long notReadySeconds;
    private final long unreachableSeconds;

    public DefaultTolerationSeconds() {
        this(DEFAULT_SECONDS, DEFAULT_SECONDS);
    }

    public DefaultTolerationSeconds(long notReadySeconds, long unreachableSeconds) {
        this.notReadySeconds = notReadySeconds;
        this.unreachableSeconds = unreachableSeconds;
    }

    @Override
    public String name() {
        return "DefaultTolerationSeconds";
    }

    @Override
    public boolean handles(Operation operation) {
        return operation == Operation.CREATE;
    }

    @Override
    public kubelab.api.meta.KubeObject admit(AdmissionRequest request) {
        if (!(request.object() instanceof Pod pod) || request.subresource() != null || pod.spec() == null) {
            return request.object();
        }
        List<Toleration> tolerations = new ArrayList<>(pod.spec().tolerations());
        boolean changed = false;
        if (!toleratesNoExecute(tolerations, NOT_READY)) {
            tolerations.add(new Toleration(NOT_READY, "Exists", null, "NoExecute", notReadySeconds));
            changed = true;
        }
        if (!toleratesNoExecute(tolerations, UNREACHABLE)) {
            tolerations.add(new Toleration(UNREACHABLE, "Exists", null, "NoExecute", unreachableSeconds));
            changed = true;
        }
        return changed ? pod.withSpec(pod.spec().withTolerations(tolerations)) : pod;
    }

    /** Whether some toleration already covers the key for NoExecute (an empty effect covers all). */
    private static boolean toleratesNoExecute(List<Toleration> tolerations, String key) {
        for (Toleration t : tolerations) {
            boolean keyMatches = key.equals(t.key()) || t.key() == null || t.key().isEmpty();
            boolean effectMatches = t.effect() == null || t.effect().isEmpty() || "NoExecute".equals(t.effect());
            if (keyMatches && effectMatches) {
                return true;
            }
        }
        return false;
    }
}
