package kubelab.runtime.shell;

import java.util.function.Function;

/**
 * Evaluates {@code $((...))}: 64-bit integers, variables by name (or {@code $name}),
 * {@code + - * / %}, comparisons ({@code < <= > >= == !=}, giving 1 or 0) and parentheses.
 *
 * <p>Real Kubernetes: none; busybox {@code shell/math.c}.
 */
final class Arithmetic {

    private final String src;
    private final Function<String, String> variables;
    private int pos;

    private Arithmetic(String src, Function<String, String> variables) {
        this.src = src;
        this.variables = variables;
    }

    static long evaluate(String expression, Function<String, String> variables) {
        Arithmetic a = new Arithmetic(expression, variables);
        long value = a.comparison();
        a.blanks();
        if (a.pos < a.src.length()) {
            throw new ShellSyntaxException("arithmetic syntax error");
        }
        return value;
    }

    private void blanks() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(String op) {
        blanks();
        if (src.startsWith(op, pos)) {
            pos += op.length();
            return true;
        }
        return false;
    }

    private long comparison() {
        long left = sum();
        for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
            if (eat(op)) {
                long right = sum();
                boolean r = switch (op) {
                    case "<=" -> left <= right;
                    case ">=" -> left >= right;
                    case "==" -> left == right;
                    case "!=" -> left != right;
                    case "<" -> left < right;
                    default -> left > right;
                };
                return r ? 1 : 0;
            }
        }
        return left;
    }

    private long sum() {
        long value = product();
        while (true) {
            if (eat("+")) {
                value += product();
            } else if (eat("-")) {
                value -= product();
            } else {
                return value;
            }
        }
    }

    private long product() {
        long value = unary();
        while (true) {
            if (eat("*")) {
                value *= unary();
            } else if (eat("/") || eat("%")) {
                boolean divide = src.charAt(pos - 1) == '/';
                long right = unary();
                if (right == 0) {
                    throw new ShellSyntaxException("divide by zero");
                }
                value = divide ? value / right : value % right;
            } else {
                return value;
            }
        }
    }

    private long unary() {
        if (eat("-")) {
            return -unary();
        }
        if (eat("+")) {
            return unary();
        }
        if (eat("(")) {
            long value = comparison();
            if (!eat(")")) {
                throw new ShellSyntaxException("arithmetic syntax error");
            }
            return value;
        }
        blanks();
        eat("$");
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String token = src.substring(start, pos);
        if (token.isEmpty()) {
            throw new ShellSyntaxException("arithmetic syntax error");
        }
        if (Character.isDigit(token.charAt(0))) {
            return Long.parseLong(token);
        }
        String value = variables.apply(token);
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.trim());
    }
}
