package kubelab.runtime.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kubelab.runtime.shell.FsException.Reason;

/**
 * An in-memory {@link ContainerFs}: a tree of directories and text files, plus mount points that
 * hand whole subtrees to other filesystems.
 *
 * <p>Not thread-safe: the simulated runtime drives every container from one thread.
 *
 * <p>Real Kubernetes: the container runtime's root filesystem (overlayfs over image layers);
 * volumes arrive as bind mounts set up from the kubelet's {@code makeMounts}.
 */
public final class MemoryFs implements ContainerFs {

    private sealed interface Node permits Dir, File {}

    private record Dir(TreeMap<String, Node> children) implements Node {}

    private record File(StringBuilder content) implements Node {}

    private final Dir root = new Dir(new TreeMap<>());
    // Longest prefix wins, so lookups walk the mounts from the longest path down.
    private final TreeMap<String, ContainerFs> mounts = new TreeMap<>();

    /** Turns any absolute path into its canonical form: no ".", "..", empty or trailing parts. */
    public static String normalize(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(part);
        }
        return "/" + String.join("/", parts);
    }

    /** The mounted filesystem that owns {@code path} and the path inside it, or null for our own tree. */
    private Map.Entry<String, ContainerFs> mountOf(String path) {
        for (Map.Entry<String, ContainerFs> m : mounts.descendingMap().entrySet()) {
            String point = m.getKey();
            if (path.equals(point) || path.startsWith(point + "/")) {
                return Map.entry(path.substring(point.length()).isEmpty() ? "/" : path.substring(point.length()),
                        m.getValue());
            }
        }
        return null;
    }

    private Map.Entry<String, ContainerFs> route(String path) {
        return mountOf(normalize(path));
    }

    private Node lookup(String path) {
        Node node = root;
        for (String part : names(path)) {
            if (!(node instanceof Dir dir)) {
                throw new FsException(Reason.ENOTDIR, path);
            }
            node = dir.children().get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static List<String> names(String normalized) {
        return normalized.equals("/") ? List.of() : List.of(normalized.substring(1).split("/"));
    }

    private Dir parentDir(String path) {
        int slash = path.lastIndexOf('/');
        Node parent = lookup(slash == 0 ? "/" : path.substring(0, slash));
        if (parent == null) {
            throw new FsException(Reason.ENOENT, path);
        }
        if (!(parent instanceof Dir dir)) {
            throw new FsException(Reason.ENOTDIR, path);
        }
        return dir;
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private File file(String path, boolean create) {
        Node node = lookup(path);
        if (node == null) {
            if (!create || path.equals("/")) {
                throw new FsException(Reason.ENOENT, path);
            }
            File created = new File(new StringBuilder());
            parentDir(path).children().put(baseName(path), created);
            return created;
        }
        if (node instanceof Dir) {
            throw new FsException(Reason.EISDIR, path);
        }
        return (File) node;
    }

    @Override
    public String read(String path) {
        var m = route(path);
        return m != null ? m.getValue().read(m.getKey()) : file(normalize(path), false).content().toString();
    }

    @Override
    public void write(String path, String content) {
        var m = route(path);
        if (m != null) {
            m.getValue().write(m.getKey(), content);
            return;
        }
        StringBuilder text = file(normalize(path), true).content();
        text.setLength(0);
        text.append(content);
    }

    @Override
    public void append(String path, String content) {
        var m = route(path);
        if (m != null) {
            m.getValue().append(m.getKey(), content);
            return;
        }
        file(normalize(path), true).content().append(content);
    }

    @Override
    public boolean exists(String path) {
        var m = route(path);
        if (m != null) {
            return m.getValue().exists(m.getKey());
        }
        try {
            return lookup(normalize(path)) != null;
        } catch (FsException notADirectory) {
            return false;
        }
    }

    @Override
    public boolean isDirectory(String path) {
        var m = route(path);
        if (m != null) {
            return m.getValue().isDirectory(m.getKey());
        }
        try {
            return lookup(normalize(path)) instanceof Dir;
        } catch (FsException notADirectory) {
            return false;
        }
    }

    @Override
    public List<String> list(String path) {
        var m = route(path);
        if (m != null) {
            return m.getValue().list(m.getKey());
        }
        String p = normalize(path);
        Node node = lookup(p);
        if (node == null) {
            throw new FsException(Reason.ENOENT, p);
        }
        if (!(node instanceof Dir dir)) {
            throw new FsException(Reason.ENOTDIR, p);
        }
        return List.copyOf(dir.children().keySet());
    }

    @Override
    public void mkdir(String path, boolean parents) {
        var m = route(path);
        if (m != null) {
            m.getValue().mkdir(m.getKey(), parents);
            return;
        }
        String p = normalize(path);
        if (parents) {
            String sofar = "";
            for (String part : names(p)) {
                sofar += "/" + part;
                if (!isDirectory(sofar)) {
                    mkdir(sofar, false);
                }
            }
            return;
        }
        if (lookup(p) != null) {
            throw new FsException(Reason.EEXIST, p);
        }
        parentDir(p).children().put(baseName(p), new Dir(new TreeMap<>()));
    }

    @Override
    public void remove(String path, boolean recursive) {
        String p = normalize(path);
        if (mounts.containsKey(p)) {
            throw new FsException(Reason.EBUSY, p);
        }
        var m = mountOf(p);
        if (m != null) {
            m.getValue().remove(m.getKey(), recursive);
            return;
        }
        Node node = lookup(p);
        if (node == null) {
            throw new FsException(Reason.ENOENT, p);
        }
        if (node instanceof Dir dir) {
            if (p.equals("/") || mounts.keySet().stream().anyMatch(point -> point.startsWith(p + "/"))) {
                throw new FsException(Reason.EBUSY, p);
            }
            if (!recursive) {
                throw new FsException(dir.children().isEmpty() ? Reason.EISDIR : Reason.ENOTEMPTY, p);
            }
        }
        parentDir(p).children().remove(baseName(p));
    }

    @Override
    public void touch(String path) {
        var m = route(path);
        if (m != null) {
            m.getValue().touch(m.getKey());
            return;
        }
        String p = normalize(path);
        if (lookup(p) == null) {
            file(p, true);
        }
    }

    @Override
    public void mount(String path, ContainerFs fs) {
        String p = normalize(path);
        mkdir(p, true);
        mounts.put(p, fs);
    }
}
