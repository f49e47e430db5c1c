package kubelab.runtime.shell;

import java.util.List;

/**
 * A container's filesystem as the shell sees it: absolute, "/"-separated paths to text files and
 * directories, with other filesystems (volumes) mounted at chosen directories.
 *
 * <p>Every operation that cannot be done throws {@link FsException} with the POSIX reason
 * (no such file, is a directory, ...), so the shell can print the message busybox prints.
 * Paths are normalised ("." and ".." and repeated slashes); relative paths are the shell's
 * business (it joins them to its working directory before calling here).
 *
 * <p>Real Kubernetes: the container's root filesystem (an image's layers, owned by the container
 * runtime) with volumes bind-mounted by the kubelet ({@code pkg/kubelet/kubelet_pods.go},
 * {@code makeMounts}).
 */
public interface ContainerFs {

    /** The whole content of a file. */
    String read(String path);

    /** Creates the file or truncates it, then writes {@code content}. The parent must exist. */
    void write(String path, String content);

    /** Creates the file if needed and adds {@code content} at its end. */
    void append(String path, String content);

    boolean exists(String path);

    boolean isDirectory(String path);

    /** The names in a directory, sorted (as {@code ls} prints them), mount points included. */
    List<String> list(String path);

    /** Creates a directory; with {@code parents}, missing parents too and no error if it exists. */
    void mkdir(String path, boolean parents);

    /** Removes a file, or a directory (non-empty only when {@code recursive}). */
    void remove(String path, boolean recursive);

    /** Creates an empty file if it does not exist; an existing file is left as it is. */
    void touch(String path);

    /**
     * Makes the directory {@code path} (created if missing) show the content of {@code fs}: paths
     * under it resolve into {@code fs}, the longest mount prefix winning. Two containers that mount
     * the same instance share its files, as two containers share an emptyDir.
     */
    void mount(String path, ContainerFs fs);
}
