package kubelab.runtime.shell;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands the shell knows, by name: shell builtins ({@code cd}, {@code exit}, {@code export},
 * ...) and the busybox applets the documentation's examples call, which here are builtins too since
 * there are no binaries. Messages and exit codes are busybox's.
 *
 * <p>Real Kubernetes: none; busybox's applets ({@code coreutils/echo.c}, {@code coreutils/sleep.c}, ...).
 */
final class Builtins {

    private Builtins() {}

    /** One invocation: the shell, the command name, its arguments, its streams and prefix assignments. */
    record Call(ShellProcess sh, String name, List<String> args, Io io, Map<String, String> prefix) {
        void out(String text) {
            io.out().write(text);
        }

        void err(String text) {
            io.err().write(text);
        }

        ContainerFs fs() {
            return sh.ctx.fs();
        }
    }

    @FunctionalInterface
    interface Command {
        int run(Call call);
    }

    private static final Map<String, Command> COMMANDS = new HashMap<>();

    static {
        COMMANDS.put("true", c -> 0);
        COMMANDS.put(":", c -> 0);
        COMMANDS.put("false", c -> 1);
        COMMANDS.put("echo", Builtins::echo);
        COMMANDS.put("printf", Builtins::printf);
        COMMANDS.put("sleep", Builtins::sleep);
        COMMANDS.put("exit", Builtins::exit);
        COMMANDS.put("break", c -> loopControl(c, true));
        COMMANDS.put("continue", c -> loopControl(c, false));
        COMMANDS.put("export", Builtins::export);
        COMMANDS.put("unset", c -> {
            c.args().forEach(c.sh()::unsetVariable);
            return 0;
        });
        COMMANDS.put("set", c -> 0);
        // Background jobs (&) run in the foreground here, so there is never anything to wait for.
        COMMANDS.put("wait", c -> 0);
        COMMANDS.put("exec", Builtins::exec);
        COMMANDS.put("trap", Builtins::trap);
        COMMANDS.put("env", Builtins::env);
        COMMANDS.put("printenv", Builtins::env);
        COMMANDS.put("hostname", c -> {
            c.out(c.sh().ctx.hostname() + "\n");
            return 0;
        });
        COMMANDS.put("date", Builtins::date);
        COMMANDS.put("cd", Builtins::cd);
        COMMANDS.put("pwd", c -> {
            c.out(c.sh().cwd() + "\n");
            return 0;
        });
        COMMANDS.put("test", c -> TestCommand.run(c, c.args()));
        COMMANDS.put("[", Builtins::bracket);
        FileCommands.register(COMMANDS);
    }

    /** Whether {@code name} is a command this shell knows. */
    static boolean has(String name) {
        return COMMANDS.containsKey(name);
    }

    /** Runs a command; an unknown name is busybox ash's "not found", exit 127. */
    static int run(Call call) {
        Command command = COMMANDS.get(call.name());
        if (command == null) {
            call.err("sh: " + call.name() + ": not found\n");
            return 127;
        }
        if (call.prefix().isEmpty()) {
            return command.run(call);
        }
        // VAR=value cmd: the variable is set, and exported, for this command only.
        ShellProcess sh = call.sh();
        Map<String, String> saved = new HashMap<>();
        call.prefix().forEach((k, v) -> {
            saved.put(k, sh.variable(k));
            sh.setVariable(k, v);
        });
        Map<String, String> exportedBefore = sh.environment();
        call.prefix().keySet().forEach(sh::export);
        try {
            return command.run(call);
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    sh.unsetVariable(k);
                } else {
                    sh.setVariable(k, v);
                    if (!exportedBefore.containsKey(k)) {
                        sh.unexport(k);
                    }
                }
            });
        }
    }

    private static int echo(Call c) {
        List<String> args = c.args();
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        // busybox echo: options are -n, -e, -E and their combinations; anything else is text.
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
            for (char f : args.get(i).substring(1).toCharArray()) {
                newline &= f != 'n';
                escapes = f == 'e' || (escapes && f != 'E');
            }
            i++;
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (escapes) {
            int cut = text.indexOf("\\c");
            if (cut >= 0) {
                text = text.substring(0, cut);
                newline = false;
            }
            text = Printf.escapes(text);
        }
        c.out(newline ? text + "\n" : text);
        return 0;
    }

    private static int printf(Call c) {
        if (c.args().isEmpty()) {
            c.err("printf: usage: printf FORMAT [ARGUMENT...]\n");
            return 1;
        }
        return Printf.format(c, c.args().get(0), c.args().subList(1, c.args().size()));
    }

    /** sleep N[smhd]...: decimals allowed, several arguments add up; "inf" sleeps forever. */
    static int sleep(Call c) {
        if (c.args().isEmpty()) {
            c.err("sleep: missing operand\n");
            return 1;
        }
        Duration total = Duration.ZERO;
        for (String arg : c.args()) {
            if (arg.equalsIgnoreCase("inf") || arg.equalsIgnoreCase("infinity")) {
                total = Step.Sleeping.FOREVER;
                break;
            }
            String number = arg;
            long unit = 1;
            char last = arg.isEmpty() ? ' ' : arg.charAt(arg.length() - 1);
            if ("smhd".indexOf(last) >= 0) {
                number = arg.substring(0, arg.length() - 1);
                unit = last == 's' ? 1 : last == 'm' ? 60 : last == 'h' ? 3600 : 86400;
            }
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(number).multiply(BigDecimal.valueOf(unit));
            } catch (NumberFormatException e) {
                seconds = BigDecimal.valueOf(-1);
            }
            if (seconds.signum() < 0 || number.startsWith("+")) {
                c.err("sleep: invalid number '" + arg + "'\n");
                return 1;
            }
            total = total.plusNanos(seconds.movePointRight(9).longValue());
        }
        if (!total.isZero()) {
            c.sh().yield(new Step.Sleeping(total));
        }
        return 0;
    }

    private static int exit(Call c) {
        int code = c.sh().status;
        if (!c.args().isEmpty()) {
            try {
                code = Integer.parseInt(c.args().get(0)) & 0xff;
            } catch (NumberFormatException e) {
                c.err("sh: exit: Illegal number: " + c.args().get(0) + "\n");
                code = 2;
            }
        }
        c.sh().exit(code);
        return code;
    }

    /** exec CMD ARGS: the command replaces the shell, so the script ends with its status. */
    private static int exec(Call c) {
        if (c.args().isEmpty()) {
            return 0;
        }
        int code = run(new Call(c.sh(), c.args().get(0), c.args().subList(1, c.args().size()), c.io(), Map.of()));
        c.sh().exit(code);
        return code;
    }

    /** trap ACTION SIGNAL...: records the action ("-" resets); the runtime decides when signals arrive. */
    private static int trap(Call c) {
        if (c.args().size() < 2) {
            c.sh().traps().forEach((sig, action) -> c.out("trap -- '" + action + "' " + sig + "\n"));
            return 0;
        }
        String action = c.args().get(0).equals("-") ? null : c.args().get(0);
        for (String signal : c.args().subList(1, c.args().size())) {
            String name = signal.toUpperCase(java.util.Locale.ROOT).replaceFirst("^SIG", "");
            name = switch (name) {
                case "1" -> "HUP";
                case "2" -> "INT";
                case "3" -> "QUIT";
                case "15" -> "TERM";
                case "0" -> "EXIT";
                default -> name;
            };
            c.sh().trap(name, action);
        }
        return 0;
    }

    private static int loopControl(Call c, boolean isBreak) {
        c.sh().loopControl = isBreak;
        return 0;
    }

    private static int export(Call c) {
        for (String arg : c.args()) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (eq >= 0) {
                c.sh().setVariable(name, arg.substring(eq + 1));
            }
            c.sh().export(name);
        }
        return 0;
    }

    private static int env(Call c) {
        Map<String, String> env = c.sh().environment();
        if (c.name().equals("printenv") && !c.args().isEmpty()) {
            String value = env.get(c.args().get(0));
            if (value == null) {
                return 1;
            }
            c.out(value + "\n");
            return 0;
        }
        env.forEach((k, v) -> c.out(k + "=" + v + "\n"));
        return 0;
    }

    /** date [-u] [+FORMAT]: the virtual clock, in UTC, busybox's default format. */
    private static int date(Call c) {
        ZonedDateTime now = c.sh().ctx.clock().now().atZone(ZoneOffset.UTC);
        for (String arg : c.args()) {
            if (arg.startsWith("+")) {
                c.out(Printf.strftime(arg.substring(1), now) + "\n");
                return 0;
            }
        }
        c.out(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy", Locale.ROOT).format(now) + "\n");
        return 0;
    }

    private static int cd(Call c) {
        String target = c.args().isEmpty() ? (c.sh().variable("HOME") == null ? "/" : c.sh().variable("HOME"))
                : c.args().get(0);
        String path = c.sh().resolve(target);
        if (!c.fs().isDirectory(path)) {
            c.err("sh: cd: can't cd to " + target + ": "
                    + (c.fs().exists(path) ? "Not a directory" : "No such file or directory") + "\n");
            return 2;
        }
        c.sh().cd(path);
        return 0;
    }

    private static int bracket(Call c) {
        List<String> args = c.args();
        if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
            c.err("[: missing ]\n");
            return 2;
        }
        return TestCommand.run(c, args.subList(0, args.size() - 1));
    }
}
