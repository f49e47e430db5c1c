package kubelab.server.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format, for tests: every line must be a {@code # HELP},
 * a {@code # TYPE} or a sample {@code name{labels} value}, and each sample must belong to the
 * family its last {@code # TYPE} declared.
 */
final class Exposition {

    record Sample(String family, String name, Map<String, String> labels, double value) {
    }

    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)");
    private static final Pattern SAMPLE =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");
    private static final Pattern LABEL =
            Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\"\\\\n])*)\"(,|$)");

    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> types = new LinkedHashMap<>();

    static Exposition parse(String text) {
        Exposition parsed = new Exposition();
        String family = null;
        String type = null;
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("the text must end with a line feed");
        }
        for (String line : text.split("\n")) {
            Matcher m;
            if ((m = TYPE.matcher(line)).matches()) {
                family = m.group(1);
                type = m.group(2);
                parsed.types.put(family, type);
            } else if (HELP.matcher(line).matches()) {
                continue;
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                if (family == null || !belongs(name, family, type)) {
                    throw new IllegalArgumentException("sample outside its family: " + line);
                }
                parsed.samples.add(new Sample(family, name, labels(m.group(2), line),
                        value(m.group(3))));
            } else {
                throw new IllegalArgumentException("not a line of the text format: " + line);
            }
        }
        return parsed;
    }

    /** The value of the one sample with exactly these labels, or null if there is none. */
    Double value(String name, Map<String, String> labels) {
        Double found = null;
        for (Sample s : samples) {
            if (s.name().equals(name) && s.labels().equals(labels)) {
                if (found != null) {
                    throw new IllegalStateException("two samples " + name + labels);
                }
                found = s.value();
            }
        }
        return found;
    }

    /** The samples called {@code name} whose labels include all of {@code labels}. */
    List<Sample> matching(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    private static boolean belongs(String name, String family, String type) {
        if (type.equals("histogram")) {
            return name.equals(family + "_bucket") || name.equals(family + "_sum")
                    || name.equals(family + "_count");
        }
        return name.equals(family);
    }

    private static Map<String, String> labels(String text, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("bad labels in: " + line);
            }
            labels.put(m.group(1), unescape(m.group(2)));
            at = m.end();
        }
        return labels;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char next = value.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
