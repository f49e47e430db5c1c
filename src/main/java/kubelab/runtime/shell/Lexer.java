package kubelab.runtime.shell;

import java.util.ArrayList;
import java.util.List;
import kubelab.runtime.shell.Ast.Arith;
import kubelab.runtime.shell.Ast.Lit;
import kubelab.runtime.shell.Ast.Param;
import kubelab.runtime.shell.Ast.Part;
import kubelab.runtime.shell.Ast.Subst;
import kubelab.runtime.shell.Ast.Word;

/**
 * Splits a script into tokens: words (with their quoting kept as parts), operators, redirections
 * and newlines. Reserved words ({@code if}, {@code do}, ...) are plain words here; the parser
 * recognises them by position, as POSIX requires.
 *
 * <p>Real Kubernetes: none; busybox {@code shell/ash.c} ({@code readtoken}) does this job.
 */
final class Lexer {

    enum Type { WORD, OP, REDIRECT, NEWLINE, EOF }

    /** A token; {@code fd} is the redirected descriptor for REDIRECT tokens. */
    record Token(Type type, String text, Word word, int fd) {}

    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        Lexer lexer = new Lexer(src);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.type() != Type.EOF);
        return tokens;
    }

    private boolean at(String s) {
        return src.startsWith(s, pos);
    }

    private static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                || c == '(' || c == ')';
    }

    private Token next() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && at("\\\n")) {
                pos += 2;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        if (pos >= src.length()) {
            return new Token(Type.EOF, "", null, -1);
        }
        char c = src.charAt(pos);
        if (c == '\n') {
            pos++;
            return new Token(Type.NEWLINE, "\n", null, -1);
        }
        for (String op : new String[] {"&&", "||", ";;", ";", "&", "|", "(", ")"}) {
            if (at(op)) {
                pos += op.length();
                return new Token(Type.OP, op, null, -1);
            }
        }
        int digits = pos;
        while (digits < src.length() && Character.isDigit(src.charAt(digits))) {
            digits++;
        }
        if (digits > pos && digits < src.length() && (src.charAt(digits) == '>' || src.charAt(digits) == '<')) {
            int fd = Integer.parseInt(src.substring(pos, digits));
            pos = digits;
            return redirect(fd);
        }
        if (c == '>' || c == '<') {
            return redirect(c == '>' ? 1 : 0);
        }
        return new Token(Type.WORD, null, word(), -1);
    }

    private Token redirect(int fd) {
        for (String op : new String[] {">>", ">&", "<&", ">|", ">", "<"}) {
            if (at(op)) {
                pos += op.length();
                String normal = op.equals(">|") ? ">" : op.equals("<&") ? ">&" : op;
                return new Token(Type.REDIRECT, normal, null, fd);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private Word word() {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (pos < src.length() && !isMeta(src.charAt(pos))) {
            char c = src.charAt(pos);
            if (c == '\'') {
                flush(parts, lit);
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new ShellSyntaxException("unterminated quoted string");
                }
                parts.add(new Lit(src.substring(pos + 1, end), true));
                pos = end + 1;
            } else if (c == '"') {
                flush(parts, lit);
                pos++;
                doubleQuoted(parts);
            } else if (c == '\\') {
                flush(parts, lit);
                // A backslash-newline is a line continuation and disappears.
                if (pos + 1 < src.length() && src.charAt(pos + 1) != '\n') {
                    parts.add(new Lit(String.valueOf(src.charAt(pos + 1)), true));
                }
                pos += 2;
            } else if (c == '$' || c == '`') {
                Part part = dollar(false);
                if (part == null) {
                    lit.append(c);
                    pos++;
                } else {
                    flush(parts, lit);
                    parts.add(part);
                }
            } else {
                lit.append(c);
                pos++;
            }
        }
        flush(parts, lit);
        return new Word(List.copyOf(parts));
    }

    private void doubleQuoted(List<Part> parts) {
        StringBuilder lit = new StringBuilder();
        // An empty "" still makes a (quoted, empty) part, so it counts as an argument.
        parts.add(new Lit("", true));
        while (true) {
            if (pos >= src.length()) {
                throw new ShellSyntaxException("unterminated quoted string");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
                if (src.charAt(pos + 1) != '\n') {
                    lit.append(src.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$' || c == '`') {
                Part part = dollar(true);
                if (part == null) {
                    lit.append(c);
                    pos++;
                } else {
                    if (lit.length() > 0) {
                        parts.add(new Lit(lit.toString(), true));
                        lit.setLength(0);
                    }
                    parts.add(part);
                }
            } else {
                lit.append(c);
                pos++;
            }
        }
        if (lit.length() > 0) {
            parts.add(new Lit(lit.toString(), true));
        }
    }

    /** Reads an expansion at {@code pos}, or returns null (pos unchanged) when the $ is literal. */
    private Part dollar(boolean quoted) {
        if (src.charAt(pos) == '`') {
            int end = pos + 1;
            while (end < src.length() && src.charAt(end) != '`') {
                end += src.charAt(end) == '\\' ? 2 : 1;
            }
            if (end >= src.length()) {
                throw new ShellSyntaxException("unterminated `");
            }
            String inner = src.substring(pos + 1, end).replace("\\`", "`");
            pos = end + 1;
            return new Subst(Parser.parse(inner), quoted);
        }
        if (at("$((")) {
            int end = closing(pos + 3, 2);
            String expr = src.substring(pos + 3, end);
            pos = end + 2;
            return new Arith(expr, quoted);
        }
        if (at("$(")) {
            int end = closing(pos + 2, 1);
            String inner = src.substring(pos + 2, end);
            pos = end + 1;
            return new Subst(Parser.parse(inner), quoted);
        }
        if (at("${")) {
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw new ShellSyntaxException("missing '}'");
            }
            String inside = src.substring(pos + 2, end);
            pos = end + 1;
            for (String op : new String[] {":-", ":=", ":+", "-", "=", "+"}) {
                int i = inside.indexOf(op);
                if (i > 0 && Parser.isName(inside.substring(0, i))) {
                    return new Param(inside.substring(0, i), quoted, op, inside.substring(i + op.length()));
                }
            }
            return new Param(inside, quoted, null, null);
        }
        if (pos + 1 < src.length()) {
            char n = src.charAt(pos + 1);
            if ("?$#@*!0123456789".indexOf(n) >= 0) {
                pos += 2;
                return new Param(String.valueOf(n), quoted, null, null);
            }
            if (Character.isLetter(n) || n == '_') {
                int end = pos + 1;
                while (end < src.length() && (Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_')) {
                    end++;
                }
                String name = src.substring(pos + 1, end);
                pos = end;
                return new Param(name, quoted, null, null);
            }
        }
        return null;
    }

    /** The index of the {@code width} closing parentheses matching an opening before {@code from}. */
    private int closing(int from, int width) {
        int depth = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\'') {
                i = src.indexOf('\'', i + 1);
                if (i < 0) {
                    break;
                }
            } else if (c == '"') {
                i++;
                while (i < src.length() && src.charAt(i) != '"') {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    if (width == 2 && !src.startsWith("))", i)) {
                        throw new ShellSyntaxException("missing '))'");
                    }
                    return i;
                }
                depth--;
            }
        }
        throw new ShellSyntaxException("missing ')'");
    }

    private static void flush(List<Part> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new Lit(lit.toString(), false));
            lit.setLength(0);
        }
    }
}
