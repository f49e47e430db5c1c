package kubelab.scheduler.plugins.defaultbinder;

import kubelab.api.core.Binding;
import kubelab.api.core.Pod;
import kubelab.apiserver.ApiException;
import kubelab.scheduler.framework.BindPlugin;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.Handle;
import kubelab.scheduler.framework.Status;

/**
 * Binds a pod by creating its {@code pods/binding} subresource, which sets {@code spec.nodeName}
 * and the PodScheduled condition in one write. The API server refuses (409) a pod that is already
 * bound or being deleted; that comes back as an Error status.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/defaultbinder/default_binder.go}.
 */
public final class DefaultBinder implements BindPlugin {
    public static final String NAME = "DefaultBinder";

    private final Handle handle;

    public DefaultBinder(Handle handle) {
        this.handle = handle;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status bind(CycleState state, Pod pod, String nodeName) {
        try {
            handle.api().bind(Binding.of(pod.metadata().namespace(), pod.metadata().name(),
                    pod.metadata().uid(), nodeName));
            return Status.success();
        } catch (ApiException e) {
            return Status.error(e.getMessage()).withPlugin(NAME);
        }
    }
}
