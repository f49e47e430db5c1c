package kubelab.cluster;

import java.util.Objects;
import java.util.Optional;
import kubelab.apiserver.Api;
import kubelab.client.leaderelection.LeaderCallbacks;
import kubelab.client.leaderelection.LeaderCampaign;
import kubelab.client.leaderelection.LeaderElectionConfig;
import kubelab.client.leaderelection.LeaderElector;
import kubelab.client.record.EventBroadcaster;
import kubelab.controller.ControllerManager;
import kubelab.scheduler.Scheduler;
import kubelab.time.EventLoop;

/**
 * The scheduler and the controller manager of one process, each acting only while it holds its
 * Lease in {@code kube-system}, so that several processes on one store never schedule or reconcile
 * at once.
 *
 * <p>Real Kubernetes: kube-scheduler's and kube-controller-manager's {@code --leader-elect}, on
 * client-go's {@code tools/leaderelection} with a LeaseLock.
 */
final class ControlPlaneElections {
    private final LeaderCampaign scheduler;
    private final LeaderElector controllerManager;

    private ControlPlaneElections(LeaderCampaign scheduler, LeaderElector controllerManager) {
        this.scheduler = scheduler;
        this.controllerManager = controllerManager;
    }

    static ControlPlaneElections start(Api api, EventLoop loop, EventBroadcaster events, Scheduler scheduler,
                                       ControllerManager controllerManager, Cluster.LeaderElection election) {
        // tag::leader-election[]
        // The scheduler keeps its cache warm and schedules only while it holds its Lease; it
        // competes again after losing it. The controller manager, like kube-controller-manager,
        // does not survive losing its Lease: the process is told, and ends.
        LeaderCampaign schedulerCampaign = LeaderCampaign.run(api, loop,
                LeaderElectionConfig.defaults(LeaderElectionConfig.KUBE_SYSTEM, LeaderElectionConfig.KUBE_SCHEDULER,
                        election.identity()),
                LeaderCallbacks.of(scheduler::start, scheduler::stop), events.newRecorder("default-scheduler", null));
        LeaderElector controllerManagerElector = LeaderElector.run(api, loop,
                LeaderElectionConfig.defaults(LeaderElectionConfig.KUBE_SYSTEM,
                        LeaderElectionConfig.KUBE_CONTROLLER_MANAGER, election.identity()),
                LeaderCallbacks.of(controllerManager::start, election.onControllerManagerLost()),
                events.newRecorder("kube-controller-manager", null));
        // end::leader-election[]
        return new ControlPlaneElections(schedulerCampaign, controllerManagerElector);
    }

    /** Gives up both Leases (released, so another process takes over at its next try). */
    void release() {
        scheduler.stop();
        controllerManager.stop();
    }

    /** Who holds the Lease named {@code lockName}, as this process last saw it. */
    Optional<String> leader(String lockName) {
        if (lockName.equals(LeaderElectionConfig.KUBE_CONTROLLER_MANAGER)) {
            return Optional.ofNullable(controllerManager.leader());
        }
        if (lockName.equals(LeaderElectionConfig.KUBE_SCHEDULER)) {
            return Optional.ofNullable(scheduler.elector().leader());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ControlPlaneElections[" + Objects.toString(scheduler) + ", " + controllerManager + "]";
    }
}
