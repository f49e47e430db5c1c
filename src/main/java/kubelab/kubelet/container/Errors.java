package kubelab.kubelet.container;

/**
 * The kubelet's names for why a container is not running: the waiting reasons a pod's status shows.
 *
 * <p>Real Kubernetes: {@code pkg/kubelet/container/sync_result.go} and {@code pkg/kubelet/images/types.go}.
 */
public final class Errors {
    public static final String CONTAINER_CREATING = "ContainerCreating";
    public static final String POD_INITIALIZING = "PodInitializing";
    public static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
    public static final String ERR_IMAGE_PULL = "ErrImagePull";
    public static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
    public static final String ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull";
    public static final String CREATE_CONTAINER_CONFIG_ERROR = "CreateContainerConfigError";
    public static final String CREATE_CONTAINER_ERROR = "CreateContainerError";
    public static final String RUN_CONTAINER_ERROR = "RunContainerError";

    private Errors() {
    }
}
