package kubelab.runtime.shell;

import java.util.List;

/**
 * The syntax tree of a shell script: words made of parts, and the commands built from them.
 *
 * <p>Real Kubernetes: none; the grammar is POSIX's "Shell Command Language" (the subset busybox
 * ash understands that the documentation's examples use).
 */
final class Ast {

    private Ast() {}

    /** A piece of a word. {@code quoted} parts are never field-split. */
    sealed interface Part permits Lit, Param, Subst, Arith {}

    /** Literal text: written as is, or from quotes / a backslash escape. */
    record Lit(String text, boolean quoted) implements Part {}

    /** {@code $name}, {@code ${name}}, {@code ${name:-default}}; {@code fallback} is null when absent. */
    record Param(String name, boolean quoted, String operator, String fallback) implements Part {}

    /** {@code $(script)} or {@code `script`}: runs in a subshell, its output (trailing newlines cut) inserted. */
    record Subst(Script script, boolean quoted) implements Part {}

    /** {@code $((expression))}: integer arithmetic. */
    record Arith(String expression, boolean quoted) implements Part {}

    /** A word: the parts written next to each other with no unquoted blank between them. */
    record Word(List<Part> parts) {
        /** The word's text when it is plain unquoted literal text (a reserved word candidate), else null. */
        String plain() {
            StringBuilder text = new StringBuilder();
            for (Part part : parts) {
                if (!(part instanceof Lit lit) || lit.quoted()) {
                    return null;
                }
                text.append(lit.text());
            }
            return text.toString();
        }
    }

    /** {@code fd op target}: {@code >}, {@code >>}, {@code <}, or {@code >&} (duplicate, as in 2>&1). */
    record Redirect(int fd, String op, Word target) {}

    /** {@code NAME=value} before a command, or alone. */
    record Assign(String name, Word value) {}

    /** A parsed script: a list of commands run in order. */
    record Script(Command body) {}

    sealed interface Command permits Simple, Pipeline, AndOr, Sequence, Loop, For, If, Group, Redirected {}

    record Simple(List<Assign> assigns, List<Word> words, List<Redirect> redirects) implements Command {}

    /** {@code [!] a | b | c}: stages run one after the other, each reading the previous one's output. */
    record Pipeline(List<Command> stages, boolean negated) implements Command {}

    /** {@code left && right} ({@code and}) or {@code left || right}. */
    record AndOr(Command left, boolean and, Command right) implements Command {}

    record Sequence(List<Command> commands) implements Command {}

    /** {@code while cond; do body; done}, or {@code until} when {@code until}. */
    record Loop(Command condition, Command body, boolean until) implements Command {}

    record For(String variable, List<Word> words, Command body) implements Command {}

    /** {@code if cond; then a; else b; fi}; an {@code elif} is an {@code If} in {@code otherwise}. */
    record If(Command condition, Command then, Command otherwise) implements Command {}

    /** {@code { list; }} or {@code ( list )} (the subshell is run in the same shell: a simplification). */
    record Group(Command body) implements Command {}

    /** A compound command with redirections, as in {@code while ...; done > /log}. */
    record Redirected(Command command, List<Redirect> redirects) implements Command {}
}
