package kubelab.runtime.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import kubelab.runtime.shell.Ast.AndOr;
import kubelab.runtime.shell.Ast.Assign;
import kubelab.runtime.shell.Ast.Command;
import kubelab.runtime.shell.Ast.For;
import kubelab.runtime.shell.Ast.Group;
import kubelab.runtime.shell.Ast.If;
import kubelab.runtime.shell.Ast.Loop;
import kubelab.runtime.shell.Ast.Pipeline;
import kubelab.runtime.shell.Ast.Redirected;
import kubelab.runtime.shell.Ast.Sequence;
import kubelab.runtime.shell.Ast.Simple;
import kubelab.runtime.shell.Ast.Subst;
import kubelab.runtime.shell.Ast.Word;

/**
 * The frames of a {@link ShellProcess}'s stack, one kind per compound command. Each
 * {@code step()} does one small thing: push a child frame, or finish and pop itself leaving the
 * exit status in {@code shell.status}. A frame's fields are the "where was I" a recursive
 * interpreter would keep on the Java stack.
 *
 * <p>Real Kubernetes: none; busybox ash's {@code evaltree}, turned inside out so it can pause.
 */
final class Frames {

    private Frames() {}

    static Frame of(ShellProcess sh, Command command, Io io) {
        if (command instanceof Simple s) {
            return new SimpleFrame(sh, io, s);
        } else if (command instanceof Sequence s) {
            return new SequenceFrame(sh, io, s.commands());
        } else if (command instanceof AndOr a) {
            return new AndOrFrame(sh, io, a);
        } else if (command instanceof Pipeline p) {
            return new PipelineFrame(sh, io, p);
        } else if (command instanceof Loop l) {
            return new LoopFrame(sh, io, l);
        } else if (command instanceof For f) {
            return new ForFrame(sh, io, f);
        } else if (command instanceof If i) {
            return new IfFrame(sh, io, i);
        } else if (command instanceof Group g) {
            return of(sh, g.body(), io);
        }
        return new RedirectedFrame(sh, io, (Redirected) command);
    }

    /** One activation: what is being run, with which streams, and how far it has got. */
    abstract static class Frame {
        final ShellProcess sh;
        final Io io;

        Frame(ShellProcess sh, Io io) {
            this.sh = sh;
            this.io = io;
        }

        abstract void step();

        /** Replaces this frame by {@code command}: a tail call, so long scripts do not grow the stack. */
        void become(Command command) {
            sh.pop();
            sh.push(of(sh, command, io));
        }
    }

    /** A loop that {@code break} and {@code continue} can find while unwinding. */
    interface LoopLike {
        void nextIteration();
    }

    /** A frame that first runs the command substitutions of its words, each a subshell that may sleep. */
    abstract static class Expanding extends Frame {
        final Map<Subst, String> results = Expander.newResults();
        private Deque<Subst> pending;

        Expanding(ShellProcess sh, Io io) {
            super(sh, io);
        }

        abstract List<Word> words();

        /** True once every substitution has run; until then pushes the next one. */
        boolean substituted() {
            if (pending == null) {
                pending = new ArrayDeque<>(Expander.substitutionsIn(words()));
            }
            if (pending.isEmpty()) {
                return true;
            }
            sh.push(new SubstFrame(sh, io, pending.poll(), results));
            return false;
        }
    }

    /** {@code $(script)}: steps a subshell whose standard output is captured. */
    static final class SubstFrame extends Frame {
        private final Subst subst;
        private final Map<Subst, String> results;
        private final StringBuilder captured = new StringBuilder();
        private ShellProcess child;

        SubstFrame(ShellProcess sh, Io io, Subst subst, Map<Subst, String> results) {
            super(sh, io);
            this.subst = subst;
            this.results = results;
        }

        @Override
        void step() {
            if (child == null) {
                child = sh.subshell(subst.script(), io.withOut(captured::append));
            }
            Step step = child.step();
            if (step instanceof Step.Exited exited) {
                // Command substitution drops every trailing newline of the output.
                String text = captured.toString().replaceAll("\n+$", "");
                results.put(subst, text);
                sh.status = exited.code();
                sh.pop();
            } else {
                sh.yield(step);
            }
        }
    }

    static final class SimpleFrame extends Expanding {
        private final Simple command;

        SimpleFrame(ShellProcess sh, Io io, Simple command) {
            super(sh, io);
            this.command = command;
        }

        @Override
        List<Word> words() {
            List<Word> all = new ArrayList<>();
            command.assigns().forEach(a -> all.add(a.value()));
            all.addAll(command.words());
            command.redirects().forEach(r -> all.add(r.target()));
            return all;
        }

        @Override
        void step() {
            if (!substituted()) {
                return;
            }
            sh.pop();
            boolean hadSubstitutions = !results.isEmpty();
            try {
                Expander expander = new Expander(sh, results);
                List<String> argv = expander.fields(command.words());
                Io cio = Redirections.apply(sh, command.redirects(), io, expander);
                if (cio == null) {
                    sh.status = 2;
                    return;
                }
                if (argv.isEmpty()) {
                    for (Assign assign : command.assigns()) {
                        sh.setVariable(assign.name(), expander.string(assign.value()));
                    }
                    if (!hadSubstitutions) {
                        sh.status = 0;
                    }
                    return;
                }
                Map<String, String> prefix = new java.util.LinkedHashMap<>();
                for (Assign assign : command.assigns()) {
                    prefix.put(assign.name(), expander.string(assign.value()));
                }
                sh.status = Builtins.run(new Builtins.Call(sh, argv.get(0), argv.subList(1, argv.size()), cio, prefix));
            } catch (FsException e) {
                io.err().write("sh: " + e.getMessage() + "\n");
                sh.status = 1;
            } catch (ShellSyntaxException | NumberFormatException e) {
                io.err().write("sh: " + (e instanceof NumberFormatException ? "arithmetic syntax error" : e.getMessage())
                        + "\n");
                sh.status = 2;
            }
        }
    }

    static final class SequenceFrame extends Frame {
        private final List<Command> commands;
        private int next;

        SequenceFrame(ShellProcess sh, Io io, List<Command> commands) {
            super(sh, io);
            this.commands = commands;
        }

        @Override
        void step() {
            if (commands.isEmpty()) {
                sh.pop();
            } else if (next == commands.size() - 1) {
                become(commands.get(next));
            } else {
                sh.push(of(sh, commands.get(next++), io));
            }
        }
    }

    static final class AndOrFrame extends Frame {
        private final AndOr command;
        private boolean leftDone;

        AndOrFrame(ShellProcess sh, Io io, AndOr command) {
            super(sh, io);
            this.command = command;
        }

        @Override
        void step() {
            if (!leftDone) {
                leftDone = true;
                sh.push(of(sh, command.left(), io));
            } else if ((sh.status == 0) == command.and()) {
                become(command.right());
            } else {
                sh.pop();
            }
        }
    }

    static final class IfFrame extends Frame {
        private final If command;
        private boolean tested;

        IfFrame(ShellProcess sh, Io io, If command) {
            super(sh, io);
            this.command = command;
        }

        @Override
        void step() {
            if (!tested) {
                tested = true;
                sh.push(of(sh, command.condition(), io));
                return;
            }
            Command branch = sh.status == 0 ? command.then() : command.otherwise();
            if (branch == null) {
                sh.status = 0;
                sh.pop();
            } else {
                become(branch);
            }
        }
    }

    /** Stages run one after another, each stage's output the next one's input. */
    static final class PipelineFrame extends Frame {
        private final Pipeline command;
        private int next;
        private StringBuilder previous;

        PipelineFrame(ShellProcess sh, Io io, Pipeline command) {
            super(sh, io);
            this.command = command;
        }

        @Override
        void step() {
            List<Command> stages = command.stages();
            if (next == stages.size()) {
                sh.pop();
                if (command.negated()) {
                    sh.status = sh.status == 0 ? 1 : 0;
                }
                return;
            }
            Io stageIo = previous == null ? io : io.withStdin(previous.toString());
            if (next < stages.size() - 1) {
                previous = new StringBuilder();
                stageIo = stageIo.withOut(previous::append);
            }
            sh.push(of(sh, stages.get(next++), stageIo));
        }
    }

    static final class LoopFrame extends Frame implements LoopLike {
        private final Loop command;
        private boolean testing = true;
        private boolean started;
        private int bodyStatus;

        LoopFrame(ShellProcess sh, Io io, Loop command) {
            super(sh, io);
            this.command = command;
        }

        @Override
        public void nextIteration() {
            bodyStatus = sh.status;
            testing = true;
            started = false;
        }

        @Override
        void step() {
            if (testing && !started) {
                started = true;
                sh.push(of(sh, command.condition(), io));
            } else if (testing) {
                if ((sh.status == 0) != command.until()) {
                    testing = false;
                    sh.push(of(sh, command.body(), io));
                } else {
                    sh.status = bodyStatus;
                    sh.pop();
                }
            } else {
                nextIteration();
            }
        }
    }

    static final class ForFrame extends Expanding implements LoopLike {
        private final For command;
        private List<String> items;
        private int next;

        ForFrame(ShellProcess sh, Io io, For command) {
            super(sh, io);
            this.command = command;
        }

        @Override
        List<Word> words() {
            return command.words() == null ? List.of() : command.words();
        }

        @Override
        public void nextIteration() {
            // The next step takes the next item.
        }

        @Override
        void step() {
            if (!substituted()) {
                return;
            }
            if (items == null) {
                items = command.words() == null
                        ? sh.arguments()
                        : new Expander(sh, results).fields(command.words());
                sh.status = 0;
            }
            if (next == items.size()) {
                sh.pop();
                return;
            }
            sh.setVariable(command.variable(), items.get(next++));
            sh.push(of(sh, command.body(), io));
        }
    }

    static final class RedirectedFrame extends Frame {
        private final Redirected command;

        RedirectedFrame(ShellProcess sh, Io io, Redirected command) {
            super(sh, io);
            this.command = command;
        }

        @Override
        void step() {
            sh.pop();
            Io redirected = Redirections.apply(sh, command.redirects(), io, new Expander(sh, Expander.newResults()));
            if (redirected == null) {
                sh.status = 2;
            } else {
                sh.push(of(sh, command.command(), redirected));
            }
        }
    }
}
