package kubelab.runtime.shell;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kubelab.runtime.shell.Ast.Arith;
import kubelab.runtime.shell.Ast.Lit;
import kubelab.runtime.shell.Ast.Param;
import kubelab.runtime.shell.Ast.Part;
import kubelab.runtime.shell.Ast.Subst;
import kubelab.runtime.shell.Ast.Word;

/**
 * Turns words into fields: parameter, command-substitution and arithmetic expansion, then field
 * splitting of what was expanded outside quotes, and pathname expansion of literal words whose
 * last segment holds {@code *} or {@code ?}.
 *
 * <p>Command substitutions are run beforehand (they may sleep, so they are steps of the process,
 * not calls here); this class only reads their captured output from {@code substitutions}.
 *
 * <p>Real Kubernetes: none; POSIX "Word Expansions", busybox {@code expandarg}.
 */
final class Expander {

    private final ShellProcess shell;
    private final Map<Subst, String> substitutions;

    Expander(ShellProcess shell, Map<Subst, String> substitutions) {
        this.shell = shell;
        this.substitutions = substitutions;
    }

    /** Every command substitution in {@code words}, in the order they must run. */
    static List<Subst> substitutionsIn(List<Word> words) {
        List<Subst> found = new ArrayList<>();
        for (Word word : words) {
            for (Part part : word.parts()) {
                if (part instanceof Subst subst) {
                    found.add(subst);
                }
            }
        }
        return found;
    }

    static Map<Subst, String> newResults() {
        return new IdentityHashMap<>();
    }

    /** Expands words into arguments, splitting unquoted expansions on blanks. */
    List<String> fields(List<Word> words) {
        List<String> fields = new ArrayList<>();
        for (Word word : words) {
            String plain = word.plain();
            if (plain != null && (plain.contains("*") || plain.contains("?"))) {
                fields.addAll(glob(plain));
                continue;
            }
            StringBuilder current = new StringBuilder();
            boolean open = false;
            for (Part part : word.parts()) {
                if (part instanceof Param p && p.quoted() && p.name().equals("@") && p.operator() == null) {
                    // "$@" is one field per positional parameter, each kept whole.
                    List<String> args = shell.arguments();
                    for (int i = 0; i < args.size(); i++) {
                        if (i > 0) {
                            fields.add(current.toString());
                            current.setLength(0);
                        }
                        current.append(args.get(i));
                        open = true;
                    }
                    continue;
                }
                String text = value(part);
                if (part instanceof Lit || isQuoted(part)) {
                    current.append(text);
                    open |= isQuoted(part) || !text.isEmpty();
                    continue;
                }
                for (char c : text.toCharArray()) {
                    if (c == ' ' || c == '\t' || c == '\n') {
                        if (open) {
                            fields.add(current.toString());
                            current.setLength(0);
                            open = false;
                        }
                    } else {
                        current.append(c);
                        open = true;
                    }
                }
            }
            if (open) {
                fields.add(current.toString());
            }
        }
        return fields;
    }

    /**
     * Pathname expansion of an unquoted literal word, for its last path segment only
     * ({@code /etc/config/*}): the sorted matching names, or the word itself when none match.
     */
    private List<String> glob(String pattern) {
        int slash = pattern.lastIndexOf('/');
        String dir = slash < 0 ? "" : pattern.substring(0, slash + 1);
        String namePattern = pattern.substring(slash + 1);
        if (dir.contains("*") || dir.contains("?")) {
            return List.of(pattern);
        }
        String absolute = shell.resolve(dir.isEmpty() ? "." : dir);
        ContainerFs fs = shell.ctx.fs();
        if (!fs.isDirectory(absolute)) {
            return List.of(pattern);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : namePattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        List<String> matches = fs.list(absolute).stream()
                .filter(name -> !name.startsWith(".") && name.matches(regex.toString()))
                .map(name -> dir + name)
                .toList();
        return matches.isEmpty() ? List.of(pattern) : matches;
    }

    /** Expands a word into one string, with no splitting (assignments, redirection targets). */
    String string(Word word) {
        StringBuilder text = new StringBuilder();
        for (Part part : word.parts()) {
            text.append(value(part));
        }
        return text.toString();
    }

    private static boolean isQuoted(Part part) {
        if (part instanceof Lit lit) {
            return lit.quoted();
        } else if (part instanceof Param p) {
            return p.quoted();
        } else if (part instanceof Subst s) {
            return s.quoted();
        }
        return ((Arith) part).quoted();
    }

    private String value(Part part) {
        if (part instanceof Lit lit) {
            return lit.text();
        } else if (part instanceof Param p) {
            return param(p);
        } else if (part instanceof Subst s) {
            return substitutions.getOrDefault(s, "");
        }
        return Long.toString(Arithmetic.evaluate(((Arith) part).expression(), shell::variable));
    }

    private String param(Param p) {
        String value = shell.variable(p.name());
        if (p.operator() == null) {
            return value == null ? "" : value;
        }
        boolean missing = p.operator().startsWith(":") ? value == null || value.isEmpty() : value == null;
        String fallback = p.fallback();
        return switch (p.operator().substring(p.operator().length() - 1)) {
            case "-" -> missing ? fallback : value;
            case "=" -> {
                if (missing) {
                    shell.setVariable(p.name(), fallback);
                    yield fallback;
                }
                yield value;
            }
            default -> missing ? "" : fallback;
        };
    }
}
