package kubelab.scheduler.framework.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import kubelab.scheduler.framework.Handle;
import kubelab.scheduler.framework.Plugin;
import kubelab.scheduler.plugins.InTreeRegistry;
import kubelab.scheduler.plugins.defaultbinder.DefaultBinder;
import kubelab.scheduler.plugins.defaultpreemption.DefaultPreemption;
import kubelab.scheduler.plugins.interpodaffinity.InterPodAffinity;
import kubelab.scheduler.plugins.podtopologyspread.PodTopologySpread;
import kubelab.scheduler.plugins.queuesort.PrioritySort;

/**
 * Plugin name to factory, for every plugin that ships with the scheduler: the filter and score
 * plugins of {@link InTreeRegistry} plus those that need the framework's {@link Handle}
 * (DefaultPreemption, DefaultBinder) and PrioritySort.
 *
 * <p>Real Kubernetes: {@code Registry} in {@code pkg/scheduler/framework/runtime/registry.go}.
 */
public final class Registry {
    public static final String PRIORITY_SORT = PrioritySort.NAME;
    public static final String DEFAULT_BINDER = DefaultBinder.NAME;
    public static final String DEFAULT_PREEMPTION = DefaultPreemption.NAME;

    private Registry() {
    }

    public static Map<String, Function<Handle, Plugin>> inTree() {
        Map<String, Function<Handle, Plugin>> r = new LinkedHashMap<>();
        r.put(PRIORITY_SORT, h -> new PrioritySort());
        InTreeRegistry.create().forEach((name, supplier) -> r.put(name, h -> supplier.get()));
        // These two count pods across the whole snapshot when scoring, so they get the handle.
        r.put(PodTopologySpread.NAME, PodTopologySpread::new);
        r.put(InterPodAffinity.NAME, InterPodAffinity::new);
        r.put(DEFAULT_PREEMPTION, DefaultPreemption::new);
        r.put(DEFAULT_BINDER, DefaultBinder::new);
        return r;
    }
}
