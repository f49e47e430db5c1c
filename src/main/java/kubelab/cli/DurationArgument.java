package kubelab.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads a duration the way Go's {@code time.ParseDuration} (and so kubectl's {@code --timeout})
 * does: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 1.5s}, {@code 500ms}.
 *
 * <p>Real Kubernetes: Go's {@code time.ParseDuration}, behind every duration flag.
 */
final class DurationArgument implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        if (value == null || value.isEmpty()) {
            throw new CommandLine.TypeConversionException("invalid duration \"\"");
        }
        Matcher m = PART.matcher(value);
        long millis = 0;
        int at = 0;
        while (at < value.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            millis += Math.round(n * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            });
            at = m.end();
        }
        if (at != value.length()) {
            throw new CommandLine.TypeConversionException("invalid duration \"" + value
                    + "\" (use e.g. 90s, 10m, 1h30m)");
        }
        return Duration.ofMillis(millis);
    }
}
