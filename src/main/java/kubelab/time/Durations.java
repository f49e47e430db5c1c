package kubelab.time;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Durations written the short way Go and Kubernetes print them ({@code 1h30m}, {@code 2.5s},
 * {@code 800ms}) rather than Java's ISO form ({@code PT1H30M}), for messages and task names.
 *
 * <p>Real Kubernetes: Go's {@code time.Duration.String}, minus its zero components.
 */
public final class Durations {
    private Durations() {
    }

    /** {@code 1h}, {@code 1h30m}, {@code 2.5s}, {@code 800ms}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return new BigDecimal(d.toNanos()).movePointLeft(6).stripTrailingZeros().toPlainString() + "ms";
        }
        StringBuilder sb = new StringBuilder();
        if (d.toHours() > 0) {
            sb.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            sb.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0 || d.toNanosPart() > 0) {
            BigDecimal seconds = BigDecimal.valueOf(d.toSecondsPart()).add(BigDecimal.valueOf(d.toNanosPart(), 9));
            sb.append(seconds.stripTrailingZeros().toPlainString()).append('s');
        }
        return sb.toString();
    }
}
