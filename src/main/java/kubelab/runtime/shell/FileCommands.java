package kubelab.runtime.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The busybox applets that read and change files ({@code cat ls touch mkdir rm}), filter text
 * ({@code head tail wc grep}) or use the network ({@code wget nslookup}), with busybox's messages.
 *
 * <p>Real Kubernetes: none; busybox {@code coreutils/}, {@code findutils/grep.c},
 * {@code networking/wget.c} and {@code networking/nslookup.c}.
 */
final class FileCommands {

    private FileCommands() {}

    static void register(Map<String, Builtins.Command> commands) {
        commands.put("cat", FileCommands::cat);
        commands.put("ls", Ls::run);
        commands.put("touch", FileCommands::touch);
        commands.put("mkdir", FileCommands::mkdir);
        commands.put("rm", FileCommands::rm);
        commands.put("head", c -> headTail(c, true));
        commands.put("tail", c -> headTail(c, false));
        commands.put("wc", FileCommands::wc);
        commands.put("grep", FileCommands::grep);
        commands.put("wget", Network::wget);
        commands.put("nslookup", Network::nslookup);
    }

    /** Splits leading "-x" options (letters) from operands; "--" ends options. */
    static List<String> operands(List<String> args, StringBuilder flags) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            if (args.get(i).equals("--")) {
                i++;
                break;
            }
            flags.append(args.get(i).substring(1));
            i++;
        }
        return args.subList(i, args.size());
    }

    /** The text of the files named (stdin for none or "-"), or null after printing an error. */
    private static String input(Builtins.Call c, List<String> files) {
        if (files.isEmpty()) {
            return c.io().stdin();
        }
        StringBuilder text = new StringBuilder();
        boolean failed = false;
        for (String file : files) {
            if (file.equals("-")) {
                text.append(c.io().stdin());
                continue;
            }
            try {
                text.append(c.fs().read(c.sh().resolve(file)));
            } catch (FsException e) {
                c.err(e.reason() == FsException.Reason.EISDIR ? c.name() + ": read error: Is a directory\n"
                        : c.name() + ": can't open '" + file + "': " + e.reason().message() + "\n");
                failed = true;
            }
        }
        if (failed) {
            c.out(text.toString());
            return null;
        }
        return text.toString();
    }

    private static int cat(Builtins.Call c) {
        String text = input(c, operands(c.args(), new StringBuilder()));
        if (text == null) {
            return 1;
        }
        c.out(text);
        return 0;
    }

    private static int touch(Builtins.Call c) {
        int status = 0;
        for (String file : operands(c.args(), new StringBuilder())) {
            try {
                c.fs().touch(c.sh().resolve(file));
            } catch (FsException e) {
                c.err("touch: " + file + ": " + e.reason().message() + "\n");
                status = 1;
            }
        }
        return status;
    }

    private static int mkdir(Builtins.Call c) {
        StringBuilder flags = new StringBuilder();
        int status = 0;
        for (String dir : operands(c.args(), flags)) {
            try {
                c.fs().mkdir(c.sh().resolve(dir), flags.indexOf("p") >= 0);
            } catch (FsException e) {
                c.err("mkdir: can't create directory '" + dir + "': " + e.reason().message() + "\n");
                status = 1;
            }
        }
        return status;
    }

    private static int rm(Builtins.Call c) {
        StringBuilder flags = new StringBuilder();
        List<String> files = operands(c.args(), flags);
        boolean force = flags.indexOf("f") >= 0;
        boolean recursive = flags.indexOf("r") >= 0 || flags.indexOf("R") >= 0;
        int status = 0;
        for (String file : files) {
            String path = c.sh().resolve(file);
            if (!c.fs().exists(path)) {
                if (!force) {
                    c.err("rm: can't remove '" + file + "': No such file or directory\n");
                    status = 1;
                }
                continue;
            }
            if (c.fs().isDirectory(path) && !recursive) {
                c.err("rm: '" + file + "' is a directory\n");
                status = 1;
                continue;
            }
            try {
                c.fs().remove(path, recursive);
            } catch (FsException e) {
                c.err("rm: can't remove '" + file + "': " + e.reason().message() + "\n");
                status = 1;
            }
        }
        return status;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** head/tail [-n N | -N] [FILE...]: the first or last N lines (10 by default). */
    private static int headTail(Builtins.Call c, boolean head) {
        List<String> args = new ArrayList<>(c.args());
        int n = 10;
        if (!args.isEmpty() && args.get(0).equals("-n") && args.size() > 1) {
            n = Integer.parseInt(args.get(1));
            args = args.subList(2, args.size());
        } else if (!args.isEmpty() && args.get(0).matches("-n?\\d+")) {
            n = Integer.parseInt(args.get(0).replaceAll("\\D", ""));
            args = args.subList(1, args.size());
        }
        String text = input(c, args);
        if (text == null) {
            return 1;
        }
        List<String> lines = lines(text);
        List<String> chosen = head ? lines.subList(0, Math.min(n, lines.size()))
                : lines.subList(Math.max(0, lines.size() - n), lines.size());
        chosen.forEach(line -> c.out(line + "\n"));
        return 0;
    }

    /** wc [-l] [-w] [-c] [FILE]: counts, without padding for a single count of stdin. */
    private static int wc(Builtins.Call c) {
        StringBuilder flags = new StringBuilder();
        List<String> files = operands(c.args(), flags);
        String text = input(c, files);
        if (text == null) {
            return 1;
        }
        String opts = flags.length() == 0 ? "lwc" : flags.toString();
        List<String> counts = new ArrayList<>();
        if (opts.contains("l")) {
            counts.add(Long.toString(text.chars().filter(ch -> ch == '\n').count()));
        }
        if (opts.contains("w")) {
            counts.add(Integer.toString(text.isBlank() ? 0 : text.trim().split("\\s+").length));
        }
        if (opts.contains("c")) {
            counts.add(Integer.toString(text.length()));
        }
        String line = counts.size() == 1 && files.isEmpty() ? counts.get(0)
                : String.join(" ", counts.stream().map(s -> String.format("%7s", s)).toList());
        c.out(line + (files.isEmpty() ? "" : " " + String.join(" ", files)) + "\n");
        return 0;
    }

    /** grep [-v] [-q] [-c] [-i] PATTERN [FILE...]: a regular expression, or the literal text if invalid. */
    private static int grep(Builtins.Call c) {
        StringBuilder flags = new StringBuilder();
        List<String> rest = operands(c.args(), flags);
        if (rest.isEmpty()) {
            c.err("grep: usage: grep [-vqci] PATTERN [FILE]...\n");
            return 2;
        }
        String f = flags.toString();
        Pattern pattern;
        int caseFlag = f.contains("i") ? Pattern.CASE_INSENSITIVE : 0;
        try {
            pattern = f.contains("F") ? Pattern.compile(Pattern.quote(rest.get(0)), caseFlag)
                    : Pattern.compile(rest.get(0), caseFlag);
        } catch (PatternSyntaxException e) {
            pattern = Pattern.compile(Pattern.quote(rest.get(0)), caseFlag);
        }
        String text = input(c, rest.subList(1, rest.size()));
        if (text == null) {
            return 2;
        }
        int matches = 0;
        for (String line : lines(text)) {
            if (pattern.matcher(line).find() != f.contains("v")) {
                matches++;
                if (!f.contains("q") && !f.contains("c")) {
                    c.out(line + "\n");
                }
            }
        }
        if (f.contains("c") && !f.contains("q")) {
            c.out(matches + "\n");
        }
        return matches > 0 ? 0 : 1;
    }
}
