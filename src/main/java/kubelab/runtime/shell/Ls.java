package kubelab.runtime.shell;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ls [-1] [-a] [-l] [PATH...]}: names one per line, sorted. With {@code -l}, busybox's long
 * format; since the in-memory filesystem keeps no owners, modes or times, every file shows as
 * {@code root root}, {@code -rw-r--r--} (directories {@code drwxr-xr-x}, size 4096) and the
 * current virtual time.
 *
 * <p>Real Kubernetes: none; busybox {@code coreutils/ls.c}.
 */
final class Ls {

    private Ls() {}

    static int run(Builtins.Call c) {
        StringBuilder flags = new StringBuilder();
        List<String> paths = new ArrayList<>(FileCommands.operands(c.args(), flags));
        boolean longFormat = flags.indexOf("l") >= 0;
        boolean all = flags.indexOf("a") >= 0;
        if (paths.isEmpty()) {
            paths.add(".");
        }
        int status = 0;
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String p : paths) {
            String path = c.sh().resolve(p);
            if (!c.fs().exists(path)) {
                c.err("ls: " + p + ": No such file or directory\n");
                status = 1;
            } else if (c.fs().isDirectory(path)) {
                dirs.add(p);
            } else {
                files.add(p);
            }
        }
        files.sort(null);
        for (String file : files) {
            c.out(longFormat ? line(c, c.sh().resolve(file), file) : file + "\n");
        }
        boolean headers = paths.size() > 1;
        for (int i = 0; i < dirs.size(); i++) {
            String dir = dirs.get(i);
            if (headers) {
                c.out((i > 0 || !files.isEmpty() ? "\n" : "") + dir + ":\n");
            }
            String path = c.sh().resolve(dir);
            List<String> names = new ArrayList<>();
            if (all) {
                names.add(".");
                names.add("..");
            }
            c.fs().list(path).stream().filter(n -> all || !n.startsWith(".")).forEach(names::add);
            if (longFormat) {
                c.out("total 0\n");
            }
            for (String name : names) {
                String child = MemoryFs.normalize(path + "/" + name);
                c.out(longFormat ? line(c, child, name) : name + "\n");
            }
        }
        return status;
    }

    private static String line(Builtins.Call c, String path, String shown) {
        boolean dir = c.fs().isDirectory(path);
        long size = dir ? 4096 : c.fs().read(path).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        String time = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT)
                .format(c.sh().ctx.clock().now().atZone(ZoneOffset.UTC));
        return String.format(Locale.ROOT, "%s    1 %-8s %-8s %9d %s %s%n", dir ? "drwxr-xr-x" : "-rw-r--r--", "root",
                "root", size, time, shown).replace(System.lineSeparator(), "\n");
    }
}
