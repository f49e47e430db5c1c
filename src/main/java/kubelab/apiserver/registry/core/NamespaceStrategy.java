package kubelab.apiserver.registry.core;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.api.core.Namespace;
import kubelab.api.core.NamespacePhase;
import kubelab.api.core.NamespaceSpec;
import kubelab.api.core.NamespaceStatus;
import kubelab.apiserver.registry.Strategy;

/**
 * Namespaces: DNS-1123 label names, {@code status.phase} Active from creation, and a two-step
 * deletion. A delete only marks the namespace Terminating; it stays until the namespace
 * controller has deleted everything in it and removed the {@code kubernetes} finalizer from
 * {@code spec.finalizers} through the {@code finalize} subresource. Until then,
 * NamespaceLifecycle refuses new objects in it.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/namespace/strategy.go} and its REST's Delete.
 */
public final class NamespaceStrategy implements Strategy<Namespace> {

    @Override
    public NameRule nameRule() {
        return NameRule.DNS1123_LABEL;
    }

    @Override
    public Namespace prepareForCreate(Namespace ns) {
        return ns.withSpec(new NamespaceSpec(List.of(NamespaceSpec.FINALIZER_KUBERNETES)))
                .withStatus(NamespaceStatus.of(NamespacePhase.ACTIVE));
    }

    /** {@code spec.finalizers} change only through {@code finalize}, never through an update. */
    @Override
    public Namespace prepareForUpdate(Namespace ns, Namespace old) {
        return ns.withSpec(old.spec());
    }

    @Override
    public Namespace prepareForDelete(Namespace ns) {
        NamespaceStatus status = ns.status() == null ? NamespaceStatus.of(NamespacePhase.TERMINATING)
                : ns.status().withPhase(NamespacePhase.TERMINATING);
        return ns.withStatus(status);
    }

    @Override
    public boolean awaitsFinalization(Namespace ns) {
        return ns.spec() != null && !ns.spec().finalizers().isEmpty();
    }

    @Override
    public Namespace prepareForFinalize(Namespace requested, Namespace old) {
        List<String> finalizers = requested.spec() == null ? List.of() : requested.spec().finalizers();
        return old.withSpec(new NamespaceSpec(finalizers));
    }

    @Override
    public Set<String> fieldLabels() {
        return Set.of("status.phase");
    }

    @Override
    public Map<String, String> selectableFields(Namespace ns) {
        return Map.of("status.phase", ns.status() == null || ns.status().phase() == null ? "" : ns.status().phase());
    }
}
