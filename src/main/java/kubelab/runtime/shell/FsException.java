package kubelab.runtime.shell;

/**
 * A filesystem operation that failed, with the POSIX reason (the {@code errno}) and the path.
 *
 * <p>Real Kubernetes: none; this is the {@code errno} a real container's syscalls return.
 */
public final class FsException extends RuntimeException {

    /** The errno values the in-memory filesystem can produce, with their C library message. */
    public enum Reason {
        ENOENT("No such file or directory"),
        EEXIST("File exists"),
        EISDIR("Is a directory"),
        ENOTDIR("Not a directory"),
        ENOTEMPTY("Directory not empty"),
        EBUSY("Resource busy"),
        EROFS("Read-only file system");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The text {@code strerror} gives, which busybox appends to its messages. */
        public String message() {
            return message;
        }
    }

    private final Reason reason;
    private final String path;

    public FsException(Reason reason, String path) {
        super(path + ": " + reason.message());
        this.reason = reason;
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    public String path() {
        return path;
    }
}
