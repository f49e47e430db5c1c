package kubelab.scheduler;

import java.util.List;
import kubelab.api.core.Pod;
import kubelab.apiserver.Api;
import kubelab.client.InformerFactory;
import kubelab.client.record.EventBroadcaster;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FilterPlugin;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.PreFilterPlugin;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.framework.runtime.Profile;
import kubelab.time.EventLoop;

/**
 * A scheduler written in one line of Java: a function from a pod and the nodes (with the pods on
 * them) to a node name. It takes the pods whose {@code spec.schedulerName} names it, binds each to
 * the node the function returns, and records events as that scheduler:
 * <pre>{@code
 * CustomScheduler.start(api, informers, loop, "my-scheduler",
 *         (pod, nodes) -> nodes.get(0).node().metadata().name());
 * }</pre>
 * Underneath it is an ordinary {@link Scheduler} whose only plugin asks the function (so the
 * queue, the cache, binding, events and {@link Scheduler#explain} all work as for the default
 * scheduler). Returning null, or a node that does not exist, leaves the pod Pending with a
 * FailedScheduling event.
 *
 * <p>Real Kubernetes: "Configure Multiple Schedulers" in the documentation (a second scheduler
 * deployed under its own name); this is the smallest such scheduler.
 */
public final class CustomScheduler {
    /** The decision: the name of the node for the pod, or null for none. */
    @FunctionalInterface
    public interface Algorithm {
        String schedule(Pod pod, List<NodeInfo> nodes);
    }

    private CustomScheduler() {
    }

    /** Builds, starts (with the informers) and returns a scheduler named {@code schedulerName}; events go to the API. */
    public static Scheduler start(Api api, InformerFactory informers, EventLoop loop, String schedulerName,
                                  Algorithm algorithm) {
        return start(api, informers, loop, new EventBroadcaster(loop).startRecordingToSink(api), schedulerName, algorithm);
    }

    public static Scheduler start(Api api, InformerFactory informers, EventLoop loop, EventBroadcaster broadcaster,
                                  String schedulerName, Algorithm algorithm) {
        Scheduler s = new Scheduler(api, informers, loop, broadcaster, SchedulerOptions.of(profile(schedulerName, algorithm)));
        informers.start();
        s.start();
        return s;
    }

    /** A profile whose only decision is the function, looking at every node. */
    public static Profile profile(String schedulerName, Algorithm algorithm) {
        return Profile.builder(schedulerName)
                .plugin(new ChooseNode(schedulerName, algorithm), 1)
                .percentageOfNodesToScore(100)
                .build();
    }

    /** The plugin that asks the function once per cycle (PreFilter) and lets only its node pass (Filter). */
    static final class ChooseNode implements PreFilterPlugin, FilterPlugin {
        static final String NAME = "CustomScheduler";
        private static final String CHOICE_KEY = "PreFilter" + NAME;
        private final String schedulerName;
        private final Algorithm algorithm;

        ChooseNode(String schedulerName, Algorithm algorithm) {
            this.schedulerName = schedulerName;
            this.algorithm = algorithm;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Status preFilter(CycleState state, Pod pod, List<NodeInfo> nodes) {
            String choice;
            try {
                choice = algorithm.schedule(pod, nodes);
            } catch (RuntimeException e) {
                return Status.error(schedulerName + " failed: " + e).withPlugin(NAME);
            }
            if (choice == null) {
                return Status.of(Status.Code.UnschedulableAndUnresolvable, schedulerName + " chose no node")
                        .withPlugin(NAME);
            }
            state.write(CHOICE_KEY, choice);
            return Status.success();
        }

        @Override
        public Status filter(CycleState state, Pod pod, NodeInfo nodeInfo) {
            String choice = state.read(CHOICE_KEY, String.class).orElse(null);
            return nodeInfo.nodeName().equals(choice) ? Status.success()
                    : Status.of(Status.Code.UnschedulableAndUnresolvable, "node(s) were not chosen by " + schedulerName)
                    .withPlugin(NAME);
        }
    }
}
