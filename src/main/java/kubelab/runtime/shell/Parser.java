package kubelab.runtime.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kubelab.runtime.shell.Ast.AndOr;
import kubelab.runtime.shell.Ast.Assign;
import kubelab.runtime.shell.Ast.Command;
import kubelab.runtime.shell.Ast.For;
import kubelab.runtime.shell.Ast.Group;
import kubelab.runtime.shell.Ast.If;
import kubelab.runtime.shell.Ast.Lit;
import kubelab.runtime.shell.Ast.Loop;
import kubelab.runtime.shell.Ast.Part;
import kubelab.runtime.shell.Ast.Pipeline;
import kubelab.runtime.shell.Ast.Redirect;
import kubelab.runtime.shell.Ast.Redirected;
import kubelab.runtime.shell.Ast.Script;
import kubelab.runtime.shell.Ast.Sequence;
import kubelab.runtime.shell.Ast.Simple;
import kubelab.runtime.shell.Ast.Word;
import kubelab.runtime.shell.Lexer.Token;
import kubelab.runtime.shell.Lexer.Type;

/**
 * A recursive-descent parser from tokens to {@link Ast}, following the POSIX grammar's shape:
 * list, and-or, pipeline, command.
 *
 * <p>Real Kubernetes: none; busybox {@code shell/ash.c} ({@code list}, {@code andor},
 * {@code pipeline}, {@code command}).
 */
final class Parser {

    /** Reserved words that end a list: the parser stops there and lets the enclosing rule take them. */
    private static final Set<String> CLOSERS = Set.of("then", "else", "elif", "fi", "do", "done", "}");

    private final List<Token> tokens;
    private int pos;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Script parse(String src) {
        Parser parser = new Parser(Lexer.tokenize(src));
        Command body = parser.list();
        if (parser.peek().type() != Type.EOF) {
            throw new ShellSyntaxException("unexpected " + parser.describe(parser.peek()));
        }
        return new Script(body);
    }

    static boolean isName(String s) {
        return s.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private boolean isOp(String op) {
        return peek().type() == Type.OP && peek().text().equals(op);
    }

    private boolean isReserved(String word) {
        return peek().type() == Type.WORD && word.equals(peek().word().plain());
    }

    private String describe(Token t) {
        return switch (t.type()) {
            case EOF -> "end of file";
            case NEWLINE -> "newline";
            case WORD -> "word " + (t.word().plain() != null ? t.word().plain() : "");
            default -> "\"" + t.text() + "\"";
        };
    }

    private void expectReserved(String word) {
        if (!isReserved(word)) {
            throw new ShellSyntaxException("unexpected " + describe(peek()) + " (expecting \"" + word + "\")");
        }
        pos++;
    }

    private void newlines() {
        while (peek().type() == Type.NEWLINE) {
            pos++;
        }
    }

    private boolean atListEnd() {
        Token t = peek();
        return t.type() == Type.EOF || (t.type() == Type.OP && t.text().equals(")"))
                || (t.type() == Type.WORD && t.word().plain() != null && CLOSERS.contains(t.word().plain()));
    }

    /** list: and_or ((';' | '&' | newline) and_or)*. A trailing '&' runs in the foreground here. */
    private Command list() {
        List<Command> commands = new ArrayList<>();
        newlines();
        while (!atListEnd()) {
            commands.add(andOr());
            if (isOp(";") || isOp("&") || peek().type() == Type.NEWLINE) {
                pos++;
                newlines();
            } else {
                break;
            }
        }
        return commands.size() == 1 ? commands.get(0) : new Sequence(List.copyOf(commands));
    }

    private Command andOr() {
        Command left = pipeline();
        while (isOp("&&") || isOp("||")) {
            boolean and = peek().text().equals("&&");
            pos++;
            newlines();
            left = new AndOr(left, and, pipeline());
        }
        return left;
    }

    private Command pipeline() {
        boolean negated = false;
        if (isReserved("!")) {
            negated = true;
            pos++;
        }
        List<Command> stages = new ArrayList<>();
        stages.add(command());
        while (isOp("|")) {
            pos++;
            newlines();
            stages.add(command());
        }
        return stages.size() == 1 && !negated ? stages.get(0) : new Pipeline(List.copyOf(stages), negated);
    }

    private Command command() {
        Command compound = compound();
        if (compound == null) {
            return simple();
        }
        List<Redirect> redirects = new ArrayList<>();
        while (peek().type() == Type.REDIRECT) {
            redirects.add(redirect());
        }
        return redirects.isEmpty() ? compound : new Redirected(compound, List.copyOf(redirects));
    }

    private Command compound() {
        if (isOp("(")) {
            pos++;
            Command body = list();
            if (!isOp(")")) {
                throw new ShellSyntaxException("unexpected " + describe(peek()) + " (expecting \")\")");
            }
            pos++;
            return new Group(body);
        }
        if (peek().type() != Type.WORD || peek().word().plain() == null) {
            return null;
        }
        switch (peek().word().plain()) {
            case "{" -> {
                pos++;
                Command body = list();
                expectReserved("}");
                return new Group(body);
            }
            case "while", "until" -> {
                boolean until = peek().word().plain().equals("until");
                pos++;
                Command condition = list();
                expectReserved("do");
                Command body = list();
                expectReserved("done");
                return new Loop(condition, body, until);
            }
            case "for" -> {
                return forLoop();
            }
            case "if" -> {
                pos++;
                return ifRest();
            }
            default -> {
                return null;
            }
        }
    }

    private Command forLoop() {
        pos++;
        String variable = peek().type() == Type.WORD ? peek().word().plain() : null;
        if (variable == null || !isName(variable)) {
            throw new ShellSyntaxException("bad for loop variable");
        }
        pos++;
        newlines();
        List<Word> words = null;
        if (isReserved("in")) {
            pos++;
            words = new ArrayList<>();
            while (peek().type() == Type.WORD) {
                words.add(peek().word());
                pos++;
            }
        }
        if (isOp(";") || peek().type() == Type.NEWLINE) {
            pos++;
        }
        newlines();
        expectReserved("do");
        Command body = list();
        expectReserved("done");
        return new For(variable, words == null ? null : List.copyOf(words), body);
    }

    /** After "if" or "elif": condition, then-part and the rest up to and including "fi". */
    private Command ifRest() {
        Command condition = list();
        expectReserved("then");
        Command then = list();
        Command otherwise = null;
        if (isReserved("elif")) {
            pos++;
            return new If(condition, then, ifRest());
        }
        if (isReserved("else")) {
            pos++;
            otherwise = list();
        }
        expectReserved("fi");
        return new If(condition, then, otherwise);
    }

    private Redirect redirect() {
        Token op = peek();
        pos++;
        if (peek().type() != Type.WORD) {
            throw new ShellSyntaxException("unexpected " + describe(peek()) + " (expecting word)");
        }
        Word target = peek().word();
        pos++;
        return new Redirect(op.fd(), op.text(), target);
    }

    private Command simple() {
        List<Assign> assigns = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.type() == Type.REDIRECT) {
                redirects.add(redirect());
            } else if (t.type() == Type.WORD) {
                Assign assign = words.isEmpty() ? assignment(t.word()) : null;
                if (assign != null) {
                    assigns.add(assign);
                } else {
                    words.add(t.word());
                }
                pos++;
            } else {
                break;
            }
        }
        if (assigns.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
            throw new ShellSyntaxException("unexpected " + describe(peek()));
        }
        return new Simple(List.copyOf(assigns), List.copyOf(words), List.copyOf(redirects));
    }

    /** {@code NAME=value}: the name must be unquoted literal text at the start of the word. */
    private static Assign assignment(Word word) {
        if (word.parts().isEmpty() || !(word.parts().get(0) instanceof Lit first) || first.quoted()) {
            return null;
        }
        int eq = first.text().indexOf('=');
        if (eq <= 0 || !isName(first.text().substring(0, eq))) {
            return null;
        }
        List<Part> value = new ArrayList<>();
        if (eq + 1 < first.text().length()) {
            value.add(new Lit(first.text().substring(eq + 1), false));
        }
        value.addAll(word.parts().subList(1, word.parts().size()));
        return new Assign(first.text().substring(0, eq), new Word(List.copyOf(value)));
    }
}
