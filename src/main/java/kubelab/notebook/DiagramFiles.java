package kubelab.notebook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course's drawn diagrams: each {@code diagrams/X.mmd} has a committed {@code diagrams/X.svg}
 * (drawn by {@code ./kubelab diagrams} with mermaid-cli) so the chapters show pictures wherever
 * Markdown is read. The SVG carries the SHA-256 of the source it was drawn from, in a comment, so a
 * fast test can tell a picture that no longer shows its source without drawing anything.
 *
 * <p>Real Kubernetes: none; course tooling. (Kubernetes' own docs keep diagram sources beside
 * the images, and its {@code hack/verify-*} scripts check that generated files are up to date.)
 */
public final class DiagramFiles {
    private static final Pattern STAMP = Pattern.compile("<!-- kubelab-source-sha256: ([0-9a-f]{64}) ");

    private DiagramFiles() {
    }

    /** The hex SHA-256 of a diagram's source (its UTF-8 bytes). */
    public static String sha256(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The SVG with a first-line comment naming the source {@code name} and its hash. */
    public static String stamp(String svg, String name, String source) {
        String drawn = STAMP.matcher(svg).find() ? svg.substring(svg.indexOf("-->") + 3).stripLeading() : svg;
        return "<!-- kubelab-source-sha256: " + sha256(source) + " " + name + ", drawn by ./kubelab diagrams -->\n" + drawn;
    }

    /** The source hash an SVG was stamped with, if it was. */
    public static Optional<String> stampOf(String svg) {
        Matcher m = STAMP.matcher(svg);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
