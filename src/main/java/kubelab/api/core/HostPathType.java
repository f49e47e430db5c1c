package kubelab.api.core;

/**
 * The values of {@code hostPath.type}: what the kubelet checks (or creates) on the node before mounting.
 *
 * <p>Real Kubernetes: {@code corev1.HostPathType}.
 */
public final class HostPathType {
    /** No check (the empty string, also what an absent type means). */
    public static final String UNSET = "";
    public static final String DIRECTORY_OR_CREATE = "DirectoryOrCreate";
    public static final String DIRECTORY = "Directory";
    public static final String FILE_OR_CREATE = "FileOrCreate";
    public static final String FILE = "File";
    public static final String SOCKET = "Socket";
    public static final String CHAR_DEVICE = "CharDevice";
    public static final String BLOCK_DEVICE = "BlockDevice";

    private HostPathType() {
    }
}
