package kubelab.runtime.shell;

import java.util.List;
import kubelab.runtime.shell.Ast.Redirect;

/**
 * Applies {@code >}, {@code >>}, {@code <} and {@code n>&m} to a command's streams, in the order
 * written (so {@code > log 2>&1} sends both streams to the file, {@code 2>&1 > log} only stdout).
 *
 * <p>Real Kubernetes: none; busybox ash's {@code redirect()}, whose messages it keeps.
 */
final class Redirections {

    private Redirections() {}

    /** The redirected streams, or null after printing why a file could not be opened. */
    static Io apply(ShellProcess sh, List<Redirect> redirects, Io io, Expander expander) {
        Io result = io;
        for (Redirect r : redirects) {
            String target = expander.string(r.target());
            if (r.op().equals(">&")) {
                Io.Sink sink = switch (target) {
                    case "1" -> result.out();
                    case "2" -> result.err();
                    default -> Io.NULL;
                };
                result = r.fd() == 2 ? result.withErr(sink) : r.fd() == 1 ? result.withOut(sink) : result;
                continue;
            }
            if (r.op().equals("<")) {
                String text = read(sh, target, result);
                if (text == null) {
                    return null;
                }
                result = r.fd() == 0 ? result.withStdin(text) : result;
                continue;
            }
            Io.Sink sink = open(sh, target, r.op().equals(">>"), result);
            if (sink == null) {
                return null;
            }
            result = r.fd() == 2 ? result.withErr(sink) : r.fd() == 1 ? result.withOut(sink) : result;
        }
        return result;
    }

    private static String read(ShellProcess sh, String target, Io io) {
        if (target.equals("/dev/null")) {
            return "";
        }
        try {
            return sh.ctx.fs().read(sh.resolve(target));
        } catch (FsException e) {
            io.err().write("sh: can't open " + target + ": "
                    + (e.reason() == FsException.Reason.ENOENT ? "no such file" : e.reason().message()) + "\n");
            return null;
        }
    }

    private static Io.Sink open(ShellProcess sh, String target, boolean append, Io io) {
        switch (target) {
            case "/dev/null":
                return Io.NULL;
            case "/dev/stdout":
                return io.out();
            case "/dev/stderr":
                return io.err();
            default:
                break;
        }
        String path = sh.resolve(target);
        ContainerFs fs = sh.ctx.fs();
        try {
            if (append) {
                fs.append(path, "");
            } else {
                fs.write(path, "");
            }
        } catch (FsException e) {
            io.err().write("sh: can't create " + target + ": "
                    + (e.reason() == FsException.Reason.ENOENT ? "nonexistent directory" : e.reason().message()) + "\n");
            return null;
        }
        return text -> {
            try {
                fs.append(path, text);
            } catch (FsException gone) {
                // The file's directory was removed while open: like writes to an unlinked file, they vanish.
            }
        };
    }
}
