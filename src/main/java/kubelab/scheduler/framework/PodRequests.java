package kubelab.scheduler.framework;

import java.util.Map;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.resource.Quantity;

/**
 * The resources a pod asks for as a whole, from its containers' requests.
 *
 * <p>The rule, in Kubernetes' order:
 * <ol>
 *   <li>App containers run together: their requests add up.</li>
 *   <li>Init containers run one at a time before them, so each counts alone, plus the sidecars
 *       (init containers with {@code restartPolicy: Always}) started before it, which keep running.
 *       The pod needs the largest of these.</li>
 *   <li>Sidecars also run beside the app containers, so they add to the app sum.</li>
 *   <li>The effective request is the larger of the two, resource by resource, plus
 *       {@code spec.overhead} (the sandbox's own cost, set from the RuntimeClass).</li>
 * </ol>
 *
 * <p>Real Kubernetes: {@code PodRequests} in {@code k8s.io/component-helpers/resource/helpers.go},
 * called from {@code computePodResourceRequest} in {@code plugins/noderesources/fit.go}.
 */
public final class PodRequests {
    /** CPU assumed for a container that states no CPU request, for scoring only (0.1 core). */
    public static final long DEFAULT_MILLI_CPU_REQUEST = 100;
    /** Memory assumed for a container that states no memory request, for scoring only (200 MB). */
    public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

    private PodRequests() {
    }

    /** What the pod requests, exactly as written: the number filtering and NodeInfo use. */
    public static Resource of(Pod pod) {
        return compute(pod, false);
    }

    /**
     * What the pod requests, with a missing CPU or memory request read as 100m or 200Mi. Scoring
     * uses this so that pods without requests still make a node look busier.
     */
    public static Resource nonZero(Pod pod) {
        return compute(pod, true);
    }

    private static Resource compute(Pod pod, boolean nonZero) {
        PodSpec spec = pod.spec();
        if (spec == null) {
            return Resource.EMPTY;
        }
        // 1. App containers add up.
        Resource reqs = Resource.EMPTY;
        for (Container c : spec.containers()) {
            reqs = reqs.add(container(c, nonZero));
        }
        // 2-3. Init containers: the largest one, on top of the sidecars already running.
        Resource sidecars = Resource.EMPTY;
        Resource initReqs = Resource.EMPTY;
        for (Container c : spec.initContainers()) {
            Resource r = container(c, nonZero);
            Resource whileThisRuns;
            if (c.isSidecar()) {
                reqs = reqs.add(r);
                sidecars = sidecars.add(r);
                whileThisRuns = sidecars;
            } else {
                whileThisRuns = sidecars.add(r);
            }
            initReqs = initReqs.max(whileThisRuns);
        }
        // 4. The larger of the two phases, plus the pod overhead.
        return reqs.max(initReqs).add(Resource.from(spec.overhead()));
    }

    private static Resource container(Container c, boolean nonZero) {
        Map<String, Quantity> requests =
                c.resources() == null ? Map.of() : c.resources().requests();
        Resource r = Resource.from(requests);
        if (!nonZero) {
            return r;
        }
        long cpu = requests.containsKey(Resource.CPU) ? r.milliCPU() : DEFAULT_MILLI_CPU_REQUEST;
        long memory = requests.containsKey(Resource.MEMORY) ? r.memory() : DEFAULT_MEMORY_REQUEST;
        return new Resource(cpu, memory, r.ephemeralStorage(), r.allowedPodNumber(), r.scalarResources());
    }
}
