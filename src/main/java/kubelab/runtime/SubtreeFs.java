package kubelab.runtime;

import java.util.List;
import kubelab.runtime.shell.ContainerFs;
import kubelab.runtime.shell.FsException;

/**
 * A view of one subtree of another filesystem, optionally read-only: a bind mount. The node's
 * {@code /var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~empty-dir/cache} seen as the
 * container's {@code /cache}; writes go straight to the node's filesystem, so two containers that
 * mount the same directory share its files. The root may also be a single file
 * ({@code hostPath} of type File).
 *
 * <p>Real Kubernetes: a bind mount in the container's mount namespace, set up by runc from the
 * OCI spec's {@code mounts} (the kubelet's {@code makeMounts} lists them).
 */
final class SubtreeFs implements ContainerFs {

    private final ContainerFs base;
    private final String root;
    private final boolean readOnly;

    SubtreeFs(ContainerFs base, String root, boolean readOnly) {
        this.base = base;
        this.root = root.equals("/") ? "" : root;
        this.readOnly = readOnly;
    }

    private String at(String path) {
        return path.equals("/") ? (root.isEmpty() ? "/" : root) : root + path;
    }

    private String writable(String path) {
        if (readOnly) {
            throw new FsException(FsException.Reason.EROFS, path);
        }
        return at(path);
    }

    @Override
    public String read(String path) {
        return base.read(at(path));
    }

    @Override
    public void write(String path, String content) {
        base.write(writable(path), content);
    }

    @Override
    public void append(String path, String content) {
        base.append(writable(path), content);
    }

    @Override
    public boolean exists(String path) {
        return base.exists(at(path));
    }

    @Override
    public boolean isDirectory(String path) {
        return base.isDirectory(at(path));
    }

    @Override
    public List<String> list(String path) {
        return base.list(at(path));
    }

    @Override
    public void mkdir(String path, boolean parents) {
        base.mkdir(writable(path), parents);
    }

    @Override
    public void remove(String path, boolean recursive) {
        base.remove(writable(path), recursive);
    }

    @Override
    public void touch(String path) {
        base.touch(writable(path));
    }

    @Override
    public void mount(String path, ContainerFs fs) {
        base.mount(at(path), fs);
    }
}
