package kubelab.runtime.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.runtime.shell.Ast.Script;

/**
 * One running shell: its variables, working directory and last exit status, and a stack of frames
 * that says what it is doing. {@link #step()} runs frames until the script sleeps, ends, or has
 * done {@link #WORK_PER_STEP} units of work.
 *
 * <p>Why a stack of frames rather than a recursive interpreter: a recursive {@code run(command)}
 * would have to block inside {@code sleep}, holding a thread for virtual hours. With the
 * continuation kept as data, {@code sleep} simply returns {@link Step.Sleeping}, and the next
 * {@code step()} picks up at the frame on top of the stack.
 *
 * <p>Not thread-safe; the simulated runtime steps each process from its one thread.
 *
 * <p>Real Kubernetes: none; the container's PID 1, {@code /bin/sh -c}, run by the container runtime.
 */
public final class ShellProcess {

    /** Frame steps one {@link #step()} may take before it returns {@link Step.Busy}. */
    public static final int WORK_PER_STEP = 100_000;

    final ShellContext ctx;
    final Io io;
    private final Map<String, String> vars;
    private final Set<String> exported;
    private final List<String> positional;
    private String cwd;
    private final Map<String, String> traps = new LinkedHashMap<>();
    int status;
    private final Deque<Frames.Frame> stack = new ArrayDeque<>();
    private Step yielded;
    private Integer exitCode;
    private Step.Exited finished;
    /** A pending {@code break} (true) or {@code continue} (false), unwound after the current frame step. */
    Boolean loopControl;

    ShellProcess(Script script, ShellContext ctx, Io io, Map<String, String> vars, Set<String> exported,
            List<String> positional, String cwd) {
        this.ctx = ctx;
        this.io = io;
        this.vars = new LinkedHashMap<>(vars);
        this.exported = new LinkedHashSet<>(exported);
        this.positional = List.copyOf(positional);
        this.cwd = cwd;
        stack.push(Frames.of(this, script.body(), io));
    }

    /** A process that has already failed, for a script that does not parse. */
    static ShellProcess failed(int code) {
        ShellProcess p = new ShellProcess(new Script(new Ast.Sequence(List.of())), null, null, Map.of(), Set.of(),
                List.of(), "/");
        p.finished = new Step.Exited(code);
        return p;
    }

    /**
     * Runs until the script ends, sleeps, or uses up its work budget. After {@link Step.Exited},
     * further calls return the same result.
     */
    public Step step() {
        if (finished != null) {
            return finished;
        }
        int work = 0;
        while (!stack.isEmpty() && exitCode == null) {
            if (++work > WORK_PER_STEP) {
                return new Step.Busy();
            }
            stack.peek().step();
            if (loopControl != null) {
                unwindLoop();
            }
            if (yielded != null) {
                Step result = yielded;
                yielded = null;
                return result;
            }
        }
        stack.clear();
        finished = new Step.Exited(exitCode != null ? exitCode : status);
        return finished;
    }

    /** Whether the script has ended. */
    public boolean exited() {
        return finished != null;
    }

    // ---- used by frames and builtins ----

    void push(Frames.Frame frame) {
        stack.push(frame);
    }

    void pop() {
        stack.pop();
    }

    void yield(Step step) {
        yielded = step;
    }

    void exit(int code) {
        exitCode = code;
    }

    private void unwindLoop() {
        boolean isBreak = loopControl;
        loopControl = null;
        if (stack.stream().noneMatch(f -> f instanceof Frames.LoopLike)) {
            return; // break or continue outside a loop does nothing, as in ash
        }
        while (!stack.isEmpty() && !(stack.peek() instanceof Frames.LoopLike)) {
            stack.pop();
        }
        if (stack.isEmpty()) {
            return;
        }
        if (isBreak) {
            stack.pop();
            status = 0;
        } else {
            ((Frames.LoopLike) stack.peek()).nextIteration();
        }
    }

    String variable(String name) {
        switch (name) {
            case "?":
                return Integer.toString(status);
            case "$":
                return "1";
            case "!":
                return "";
            case "#":
                return Integer.toString(Math.max(0, positional.size() - 1));
            case "@":
            case "*":
                return String.join(" ", positional.subList(Math.min(1, positional.size()), positional.size()));
            default:
                break;
        }
        if (name.chars().allMatch(Character::isDigit)) {
            int i = Integer.parseInt(name);
            return i < positional.size() ? positional.get(i) : null;
        }
        return vars.get(name);
    }

    /**
     * The signal traps set with {@code trap}: signal name without "SIG" ("TERM") to the action's
     * script ("" for ignore). The runtime reads it when it stops a container: a PID 1 shell with no
     * TERM trap ignores SIGTERM and is killed when the grace period ends.
     */
    public Map<String, String> traps() {
        return Map.copyOf(traps);
    }

    void trap(String signal, String action) {
        if (action == null) {
            traps.remove(signal);
        } else {
            traps.put(signal, action);
        }
    }

    /** The positional parameters $1, $2, ...: what "$@" expands to. */
    List<String> arguments() {
        return positional.subList(Math.min(1, positional.size()), positional.size());
    }

    void setVariable(String name, String value) {
        vars.put(name, value);
    }

    void unsetVariable(String name) {
        vars.remove(name);
        exported.remove(name);
    }

    void export(String name) {
        exported.add(name);
    }

    void unexport(String name) {
        exported.remove(name);
    }

    /** The exported variables, in the order they were first set: what {@code env} prints. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (exported.contains(k)) {
                env.put(k, v);
            }
        });
        return env;
    }

    String cwd() {
        return cwd;
    }

    void cd(String dir) {
        cwd = dir;
        setVariable("PWD", dir);
    }

    /** An absolute path for {@code path}, relative ones taken from the working directory. */
    String resolve(String path) {
        return MemoryFs.normalize(path.startsWith("/") ? path : cwd + "/" + path);
    }

    /** A subshell for {@code $(...)}: a copy of this shell's state, writing to {@code io}. */
    ShellProcess subshell(Script script, Io io) {
        List<String> args = new ArrayList<>(positional);
        return new ShellProcess(script, ctx, io, vars, exported, args, cwd);
    }
}
