package kubelab.runtime.shell;

import java.util.List;

/**
 * {@code test EXPRESSION} and {@code [ EXPRESSION ]}: file tests ({@code -e -f -d -s}), string
 * tests ({@code -z -n = !=}), integer comparisons ({@code -eq -ne -lt -gt -le -ge}) and {@code !},
 * read by the number of arguments as POSIX specifies. Exit 0 true, 1 false, 2 error.
 *
 * <p>Real Kubernetes: none; busybox {@code coreutils/test.c}.
 */
final class TestCommand {

    private TestCommand() {}

    /** Reports a malformed expression. */
    private static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message);
        }
    }

    static int run(Builtins.Call c, List<String> args) {
        try {
            return evaluate(c, args) ? 0 : 1;
        } catch (Bad e) {
            c.err(c.name() + ": " + e.getMessage() + "\n");
            return 2;
        }
    }

    private static boolean evaluate(Builtins.Call c, List<String> a) {
        switch (a.size()) {
            case 0:
                return false;
            case 1:
                return !a.get(0).isEmpty();
            case 2:
                if (a.get(0).equals("!")) {
                    return !evaluate(c, a.subList(1, 2));
                }
                return unary(c, a.get(0), a.get(1));
            case 3:
                if (isBinary(a.get(1))) {
                    return binary(a.get(0), a.get(1), a.get(2));
                }
                if (a.get(0).equals("!")) {
                    return !evaluate(c, a.subList(1, 3));
                }
                throw new Bad(a.get(1) + ": unknown operand");
            default:
                if (a.get(0).equals("!")) {
                    return !evaluate(c, a.subList(1, a.size()));
                }
                int and = a.indexOf("-a");
                int or = a.indexOf("-o");
                if (or > 0) {
                    return evaluate(c, a.subList(0, or)) || evaluate(c, a.subList(or + 1, a.size()));
                }
                if (and > 0) {
                    return evaluate(c, a.subList(0, and)) && evaluate(c, a.subList(and + 1, a.size()));
                }
                throw new Bad("syntax error");
        }
    }

    private static boolean isBinary(String op) {
        return List.of("=", "==", "!=", "-eq", "-ne", "-lt", "-gt", "-le", "-ge").contains(op);
    }

    private static boolean unary(Builtins.Call c, String op, String operand) {
        ContainerFs fs = c.fs();
        String path = operand.isEmpty() ? "" : c.sh().resolve(operand);
        return switch (op) {
            case "-z" -> operand.isEmpty();
            case "-n" -> !operand.isEmpty();
            case "-e" -> !path.isEmpty() && fs.exists(path);
            case "-f" -> !path.isEmpty() && fs.exists(path) && !fs.isDirectory(path);
            case "-d" -> !path.isEmpty() && fs.isDirectory(path);
            case "-s" -> !path.isEmpty() && fs.exists(path) && !fs.isDirectory(path) && !fs.read(path).isEmpty();
            case "-r", "-w" -> !path.isEmpty() && fs.exists(path);
            default -> throw new Bad(op + ": unknown operand");
        };
    }

    private static boolean binary(String left, String op, String right) {
        switch (op) {
            case "=", "==":
                return left.equals(right);
            case "!=":
                return !left.equals(right);
            default:
                break;
        }
        long l = number(left);
        long r = number(right);
        return switch (op) {
            case "-eq" -> l == r;
            case "-ne" -> l != r;
            case "-lt" -> l < r;
            case "-gt" -> l > r;
            case "-le" -> l <= r;
            default -> l >= r;
        };
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new Bad(s + ": bad number");
        }
    }
}
