package kubelab.course;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The report of {@code ./kubelab exercises N}: every statement of a chapter (a test's display
 * name), grouped by what it is about, marked as holding or not, with the reason for each that does
 * not. Read from the test run's XML reports, so it is exactly what the test suite found.
 *
 * <p>Real Kubernetes: none; course tooling.
 */
public final class ExerciseReport {
    private ExerciseReport() {
    }

    /** One statement and, if it does not hold, why. */
    record Statement(String subject, String text, String failure) {
        boolean holds() {
            return failure == null;
        }
    }

    /** Every statement in the XML reports of a directory, in file order. */
    static List<Statement> read(Path reports) throws Exception {
        List<Statement> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(reports)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml"))
                    .sorted().toList();
        }
        var factory = DocumentBuilderFactory.newInstance();
        for (Path file : files) {
            Element suite = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                if (c.getElementsByTagName("skipped").getLength() > 0) {
                    continue;
                }
                out.add(new Statement(c.getAttribute("classname"), c.getAttribute("name"), failure(c)));
            }
        }
        return out;
    }

    private static String failure(Element testcase) {
        for (String tag : List.of("failure", "error")) {
            NodeList found = testcase.getElementsByTagName(tag);
            if (found.getLength() > 0) {
                Element f = (Element) found.item(0);
                String message = f.getAttribute("message");
                return message.isBlank() ? f.getAttribute("type") : message.strip();
            }
        }
        return null;
    }

    /** Prints the report; returns how many statements do not hold. */
    static int print(List<Statement> statements, String chapter, PrintStream out) {
        long failing = statements.stream().filter(s -> !s.holds()).count();
        out.printf("Chapter %s: %d statements hold, %d do not.%n", chapter, statements.size() - failing, failing);
        String subject = null;
        for (Statement s : statements) {
            if (!s.subject().equals(subject)) {
                subject = s.subject();
                out.println();
                out.println(subject);
            }
            out.println((s.holds() ? "  ✓ " : "  ✗ ") + s.text());
            if (!s.holds()) {
                s.failure().lines().limit(6).forEach(line -> out.println("      " + line));
            }
        }
        if (failing > 0) {
            out.println();
            out.printf("%d statements do not hold: read each one's test, find what changed, and make it hold again.%n",
                    failing);
        }
        return (int) failing;
    }

    /** {@code ExerciseReport REPORTS_DIR CHAPTER}: prints the report; exits 1 if a statement does not hold. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Statement> statements;
        try {
            statements = read(Path.of(args[0]));
        } catch (IOException e) {
            out.println("no test reports in " + args[0] + ": did the build fail? (see the log above)");
            System.exit(1);
            return;
        }
        if (statements.isEmpty()) {
            out.println("chapter " + args[1] + " has no statements yet");
            System.exit(1);
        }
        System.exit(print(statements, args[1], out) == 0 ? 0 : 1);
    }
}
