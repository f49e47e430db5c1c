package kubelab.runtime.shell;

/**
 * The three standard streams of a running command: the text on its standard input, and the sinks
 * behind its standard output and standard error. Redirections make a new {@code Io}.
 *
 * <p>Real Kubernetes: none; file descriptors 0, 1 and 2 of a process.
 */
record Io(String stdin, Sink out, Sink err) {

    /** Where written text goes: the container log, a file, a pipe buffer, or nowhere. */
    @FunctionalInterface
    interface Sink {
        void write(String text);
    }

    /** {@code /dev/null}. */
    static final Sink NULL = text -> { };

    Io withStdin(String text) {
        return new Io(text, out, err);
    }

    Io withOut(Sink sink) {
        return new Io(stdin, sink, err);
    }

    Io withErr(Sink sink) {
        return new Io(stdin, out, sink);
    }
}
