package kubelab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import kubelab.api.serialization.ManifestException;
import kubelab.apiserver.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code kubelab} command: the entry point of the launcher and the parent of every verb.
 *
 * <p>Each verb is one class, a picocli {@code @Command} listed in {@code subcommands} below
 * ({@link ValidateCommand} is the model: options as fields, the work in {@code call()}, which
 * returns the exit code). Adding {@code run}, {@code serve} or {@code get} means adding a class and
 * one entry to that list; help, usage errors and error reporting come from here.
 *
 * <p>A user's mistake never shows a stack trace. Usage errors print the message and the usage
 * (exit 2, as kubectl); an {@link ApiException} or {@link ManifestException} that reaches this
 * level prints its message (exit 1). Anything else is a bug in KubeLab: one line saying so, a
 * hint, and exit 70 ({@code EX_SOFTWARE} of {@code sysexits.h}).
 *
 * <p>Real Kubernetes: {@code cmd/kubectl} and {@code k8s.io/kubectl/pkg/cmd} (one package per
 * verb, errors printed by {@code cmdutil.CheckErr}).
 */
@Command(name = "kubelab",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        description = {
                "KubeLab is a small, faithful Kubernetes written in Java, made to be read, run and taken apart.",
                "",
                "Its etcd-like store, API server, scheduler, controllers, kubelets and container runtimes "
                        + "run in one process, with Kubernetes' own objects, rules and messages, on a clock "
                        + "that tests and notebooks can drive."},
        commandListHeading = "%nCommands:%n",
        subcommands = {
                ValidateCommand.class,
                RunCommand.class,
                NotebookCommand.class,
                DiagramsCommand.class,
                BenchCommand.class,
                CourseCommand.class,
                ServeCommand.class,
                KubeconfigCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"",
                "Run 'kubelab COMMAND --help' for more about a command.",
                "The launcher also has './kubelab build' (rebuild) and './kubelab test' (run the test suite)."})
public final class Main implements Runnable {
    /** Success. */
    public static final int EXIT_OK = 0;
    /** The command ran and found something wrong, e.g. an invalid object. */
    public static final int EXIT_FAILURE = 1;
    /** The command line itself is wrong: a missing argument or an unknown option. */
    public static final int EXIT_USAGE = 2;
    /** A bug in KubeLab ({@code EX_SOFTWARE}). */
    public static final int EXIT_SOFTWARE = 70;
    /** Set to 1 to see the stack trace of an internal error. */
    static final String DEBUG_VARIABLE = "KUBELAB_DEBUG";

    @Spec
    private CommandSpec spec;

    private final InputStream stdin;

    private Main(InputStream stdin) {
        this.stdin = stdin;
    }

    /** What the verbs read for {@code -}. */
    InputStream stdin() {
        return stdin;
    }

    /** {@code kubelab} with no command prints the help, as {@code kubectl} does. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // Components log through java.util.logging; on a terminal, one short line each, e.g.
        // "WARNING: error syncing web (will retry): ...", not the default two lines with a timestamp.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        System.exit(run(args, System.in, System.out, System.err, Ansi.AUTO));
    }

    /** Runs a command line with these streams and returns its exit code; never exits the JVM. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /**
     * As {@link #run(String[], PrintStream, PrintStream)}, with {@code in} as standard input.
     * Streams other than {@code System.out} and {@code System.err} are written in UTF-8.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, Ansi.OFF);
    }

    private static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Ansi ansi) {
        PrintWriter errWriter = new PrintWriter(err, true, charsetOf(err));
        try {
            CommandLine cli = new CommandLine(new Main(in))
                    .setOut(new PrintWriter(out, true, charsetOf(out)))
                    .setErr(errWriter)
                    .setColorScheme(CommandLine.Help.defaultColorScheme(ansi))
                    .setParameterExceptionHandler(new UsageErrorReporter())
                    .setExecutionExceptionHandler(new ErrorReporter());
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            // Thrown outside a command, e.g. by picocli while building the command tree: a bug.
            return internalError(errWriter, e);
        } finally {
            errWriter.flush();
            out.flush();
        }
    }

    private static Charset charsetOf(PrintStream stream) {
        return stream == System.out || stream == System.err ? Charset.defaultCharset() : StandardCharsets.UTF_8;
    }

    /**
     * A command line that does not parse: the problem, picocli's "did you mean" suggestions, the
     * command's synopsis and where to read more, as kubectl prints
     * {@code See 'kubectl apply -h' for help and examples}. Exit code 2.
     */
    static final class UsageErrorReporter implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            CommandLine cli = e.getCommandLine();
            PrintWriter err = cli.getErr();
            err.println("error: " + problem(e, cli));
            UnmatchedArgumentException.printSuggestions(e, err);
            err.print(cli.getHelp().fullSynopsis());
            err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for more.");
            err.flush();
            return EXIT_USAGE;
        }
    }

    /** kubectl's words for a word that is no command: {@code unknown command "frob" for "kubelab"}. */
    private static String problem(ParameterException e, CommandLine cli) {
        if (e instanceof UnmatchedArgumentException u && !cli.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command \"" + u.getUnmatched().get(0) + "\" for \"" + cli.getCommandSpec().qualifiedName() + "\"";
        }
        return e.getMessage();
    }

    /** Turns an exception out of a command into a message and an exit code. */
    static final class ErrorReporter implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
            PrintWriter err = cli.getErr();
            if (e instanceof ApiException api) {
                // kubectl's words for a refusal by the API server.
                err.println("Error from server (" + api.reason() + "): " + api.getMessage());
                return EXIT_FAILURE;
            }
            if (e instanceof ManifestException manifest) {
                err.println("error: " + manifest.getMessage());
                return EXIT_FAILURE;
            }
            return internalError(err, e);
        }
    }

    /** One line for the bug, one hint; the stack trace only on request. */
    static int internalError(PrintWriter err, Throwable e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        err.println("kubelab: internal error: " + what);
        err.println("This is a bug in KubeLab, not a mistake in your input. Please report it with the command "
                + "you ran; set " + DEBUG_VARIABLE + "=1 to see the stack trace.");
        if ("1".equals(System.getenv(DEBUG_VARIABLE))) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_SOFTWARE;
    }

    /** {@code kubelab --version}: the build's version (from the jar) and the Java running it. */
    static final class Version implements IVersionProvider {
        private static final String POM_PROPERTIES = "/META-INF/maven/io.kubelab/kubelab/pom.properties";

        @Override
        public String[] getVersion() {
            return new String[] {
                    "kubelab " + kubelabVersion(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }

        /** The version Maven wrote into the jar, or "development build" when run from classes. */
        static String kubelabVersion() {
            try (InputStream in = Main.class.getResourceAsStream(POM_PROPERTIES)) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String v = p.getProperty("version");
                    if (v != null && !v.isBlank()) {
                        return v;
                    }
                }
            } catch (IOException e) {
                // fall through: a version is not worth failing for
            }
            return "(development build)";
        }
    }
}
