package kubelab.runtime.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.runtime.shell.Ast.Lit;
import kubelab.runtime.shell.Ast.Script;
import kubelab.runtime.shell.Ast.Simple;
import kubelab.runtime.shell.Ast.Word;

/**
 * Starts shell processes: from a script (what follows {@code sh -c}) or from a container's
 * {@code command} + {@code args}. The process does nothing until its {@link ShellProcess#step()}
 * is called.
 *
 * <pre>{@code
 * ShellProcess p = Shell.start("echo 'The app is running!' && sleep 3600", ctx);
 * p.step();   // prints the line, returns Sleeping(PT1H)
 * p.step();   // an hour later: Exited(0)
 * }</pre>
 *
 * <p>Real Kubernetes: none; the image's {@code /bin/sh} (busybox ash), started by the container
 * runtime with the container's command line.
 */
public final class Shell {

    private static final Set<String> SHELLS = Set.of("sh", "ash", "bash", "dash");

    private Shell() {}

    /** Starts {@code sh -c script}. A script that does not parse ends at once with exit code 2. */
    public static ShellProcess start(String script, ShellContext ctx) {
        return start(script, List.of("sh"), ctx);
    }

    /**
     * Starts a container's command line: {@code ["sh", "-c", script, $0, $1...]} runs the script;
     * anything else runs as one command ({@code ["sleep", "3600"]}, {@code ["/bin/echo", "hi"]}).
     */
    public static ShellProcess start(List<String> argv, ShellContext ctx) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command line");
        }
        String program = baseName(argv.get(0));
        if (SHELLS.contains(program) && argv.size() >= 3 && argv.get(1).equals("-c")) {
            List<String> positional = argv.size() > 3 ? argv.subList(3, argv.size()) : List.of(program);
            return start(argv.get(2), positional, ctx);
        }
        List<Word> words = new ArrayList<>();
        words.add(new Word(List.of(new Lit(program, true))));
        argv.subList(1, argv.size()).forEach(a -> words.add(new Word(List.of(new Lit(a, true)))));
        return process(new Script(new Simple(List.of(), words, List.of())), List.of(program), ctx);
    }

    private static ShellProcess start(String script, List<String> positional, ShellContext ctx) {
        Script parsed;
        try {
            parsed = Parser.parse(script);
        } catch (ShellSyntaxException e) {
            ctx.output().stderr("sh: syntax error: " + e.getMessage() + "\n");
            return ShellProcess.failed(2);
        }
        return process(parsed, positional, ctx);
    }

    private static ShellProcess process(Script script, List<String> positional, ShellContext ctx) {
        Map<String, String> vars = new LinkedHashMap<>(ctx.env());
        // ash exports PWD at start-up, so `env` shows it.
        vars.put("PWD", MemoryFs.normalize(ctx.workingDir()));
        Io io = new Io("", text -> ctx.output().stdout(text), text -> ctx.output().stderr(text));
        return new ShellProcess(script, ctx, io, vars, vars.keySet(), positional,
                MemoryFs.normalize(ctx.workingDir()));
    }

    /**
     * Whether a program of that name (or path) exists in a shell image: the shells themselves and
     * every command this shell implements. The runtime asks before it starts a container's command
     * line without {@code sh -c}, since a missing executable fails the start, not the shell.
     */
    public static boolean hasProgram(String path) {
        String program = baseName(path);
        return SHELLS.contains(program) || Builtins.has(program);
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
