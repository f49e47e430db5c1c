package kubelab.scheduler.framework;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of one plugin at one extension point: a {@link Code} and the reasons a person reads,
 * with the name of the plugin that gave it.
 *
 * <p>Reasons are kept as a list, not joined, because the unschedulable message counts each reason
 * separately across nodes ({@link FitError}).
 *
 * <p>Real Kubernetes: {@code Status} in {@code pkg/scheduler/framework/interface.go}
 * (now {@code k8s.io/kube-scheduler/framework}).
 */
public record Status(Code code, List<String> reasons, String plugin) {

    /** The outcome classes Kubernetes' plugins return. */
    public enum Code {
        /** The plugin is happy; a nil Status in Kubernetes. */
        Success,
        /** Something went wrong inside the plugin; the pod is retried, the node is not blamed. */
        Error,
        /** The node does not fit now, but preemption (evicting lower-priority pods) might help. */
        Unschedulable,
        /** The node does not fit and preemption cannot change that (wrong labels, taints, name). */
        UnschedulableAndUnresolvable,
        /** A PreFilter or PreScore plugin has nothing to do for this pod; its later hooks are skipped. */
        Skip,
        /** A Permit plugin asks the framework to hold the pod before binding, until allowed or timed out. */
        Wait
    }

    private static final Status SUCCESS = new Status(Code.Success, List.of(), null);

    public Status {
        Objects.requireNonNull(code, "code");
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
    }

    /** Success with no reasons. */
    public static Status success() {
        return SUCCESS;
    }

    /** A status with a code and its reasons, in the order given. */
    public static Status of(Code code, String... reasons) {
        return new Status(code, List.of(reasons), null);
    }

    /** An Error status carrying the message of what failed. */
    public static Status error(String message) {
        return of(Code.Error, message);
    }

    /** The same verdict, signed by a plugin (the framework does this when it runs the plugin). */
    public Status withPlugin(String pluginName) {
        return new Status(code, reasons, pluginName);
    }

    public boolean isSuccess() {
        return code == Code.Success;
    }

    /** True for Unschedulable and UnschedulableAndUnresolvable: the node was rejected, not broken. */
    public boolean isRejected() {
        return code == Code.Unschedulable || code == Code.UnschedulableAndUnresolvable;
    }

    public boolean isWait() {
        return code == Code.Wait;
    }

    public boolean isSkip() {
        return code == Code.Skip;
    }

    /** The reasons joined with ", ", as Kubernetes' {@code Status.Message()} does. */
    public String message() {
        return String.join(", ", reasons);
    }
}
