package kubelab.controller;

import kubelab.apiserver.ApiServer;
import kubelab.client.InformerFactory;
import kubelab.client.record.EventBroadcaster;
import kubelab.controller.daemon.DaemonSetsController;
import kubelab.controller.deployment.DeploymentController;
import kubelab.controller.garbagecollector.GarbageCollector;
import kubelab.controller.job.JobController;
import kubelab.controller.namespace.NamespaceController;
import kubelab.controller.nodelifecycle.NodeLifecycleController;
import kubelab.controller.podautoscaler.HorizontalController;
import kubelab.controller.podautoscaler.PodMetricsLister;
import kubelab.controller.replicaset.ReplicaSetController;
import kubelab.controller.replicaset.ReplicationManager;
import kubelab.time.EventLoop;

/**
 * The controller manager: builds every controller on one shared {@link InformerFactory}, each with
 * its own Event source name, and starts them together once their caches are filled.
 *
 * <p>Real Kubernetes: {@code kube-controller-manager} ({@code cmd/kube-controller-manager/app}),
 * whose {@code NewControllerDescriptors} lists the controllers and whose shared informer factory
 * they all use. Leader election is left out: there is one controller manager.
 */
public final class ControllerManager {
    private final InformerFactory informers;
    private final DeploymentController deployments;
    private final ReplicaSetController replicaSets;
    private final DaemonSetsController daemonSets;
    private final HorizontalController autoscalers;
    private final ReplicationManager replicationControllers;
    private final JobController jobs;
    private final NodeLifecycleController nodeLifecycle;
    private final NamespaceController namespaces;
    private final GarbageCollector garbageCollector;
    private boolean started;

    /**
     * @param informers the factory every controller shares; started by {@link #start()}
     * @param metrics   where the HorizontalPodAutoscaler reads pods' CPU usage (the metrics API,
     *                  served in Kubernetes by metrics-server from the kubelets' stats)
     */
    public ControllerManager(ApiServer api, EventLoop loop, EventBroadcaster events, InformerFactory informers,
                             PodMetricsLister metrics) {
        this.informers = informers;
        this.deployments = new DeploymentController(api, informers, loop, events.newRecorder("deployment-controller", null));
        this.daemonSets = new DaemonSetsController(api, informers, loop, events.newRecorder("daemonset-controller", null));
        this.autoscalers = new HorizontalController(api, informers, loop,
                events.newRecorder("horizontal-pod-autoscaler", null), metrics);
        this.replicaSets = new ReplicaSetController(api, informers, loop,
                events.newRecorder("replicaset-controller", null));
        this.replicationControllers = new ReplicationManager(api, informers, loop,
                events.newRecorder("replication-controller", null));
        this.jobs = new JobController(api, informers, loop, events.newRecorder("job-controller", null));
        this.nodeLifecycle = new NodeLifecycleController(api, informers, loop,
                events.newRecorder("node-controller", null));
        this.namespaces = new NamespaceController(api, api::finalizeNamespace, informers, loop);
        this.garbageCollector = new GarbageCollector(api, informers, loop);
    }

    /** Starts the shared informers, then every controller. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        informers.start();
        deployments.start();
        replicaSets.start();
        daemonSets.start();
        autoscalers.start();
        replicationControllers.start();
        jobs.start();
        nodeLifecycle.start();
        // The namespace controller and the garbage collector run their workers from the start.
    }

    public InformerFactory informers() {
        return informers;
    }

    public DeploymentController deployments() {
        return deployments;
    }

    public DaemonSetsController daemonSets() {
        return daemonSets;
    }

    public HorizontalController autoscalers() {
        return autoscalers;
    }

    public ReplicaSetController replicaSets() {
        return replicaSets;
    }

    public ReplicationManager replicationControllers() {
        return replicationControllers;
    }

    public JobController jobs() {
        return jobs;
    }

    public NodeLifecycleController nodeLifecycle() {
        return nodeLifecycle;
    }

    public NamespaceController namespaces() {
        return namespaces;
    }

    public GarbageCollector garbageCollector() {
        return garbageCollector;
    }
}
