package kubelab.kubelet.prober;

import kubelab.api.core.Container;
import kubelab.api.core.Probe;

/**
 * The three kinds of probe a container may declare. The name each prints is the word Kubernetes
 * puts at the start of its events ("Liveness probe failed: ...").
 *
 * <p>Real Kubernetes: {@code probeType} in {@code pkg/kubelet/prober/prober_manager.go}.
 */
public enum ProbeType {
    LIVENESS("Liveness"),
    READINESS("Readiness"),
    STARTUP("Startup");

    private final String text;

    ProbeType(String text) {
        this.text = text;
    }

    /** The container's probe of this kind, or null when it declares none. */
    public Probe specOf(Container container) {
        return switch (this) {
            case LIVENESS -> container.livenessProbe();
            case READINESS -> container.readinessProbe();
            case STARTUP -> container.startupProbe();
        };
    }

    /**
     * The result a container's probe holds from its start until its first verdict: readiness
     * starts as not ready; liveness and startup start with no verdict.
     *
     * <p>Kubernetes starts liveness at {@code Success} rather than "no verdict"; the difference
     * does not show, because the kubelet acts only on {@code Failure}.
     */
    ProbeResult initialResult() {
        return this == READINESS ? ProbeResult.FAILURE : ProbeResult.UNKNOWN;
    }

    @Override
    public String toString() {
        return text;
    }
}
