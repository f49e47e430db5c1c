package kubelab.printers;

import java.time.Duration;
import java.time.Instant;

/**
 * How kubectl writes a duration in the AGE, DURATION and LAST SEEN columns: two or three
 * significant figures, coarser the older a thing is ({@code 45s}, {@code 5m10s}, {@code 10m},
 * {@code 3h5m}, {@code 8h}, {@code 2d3h}, {@code 9d}, {@code 2y3d}, {@code 9y}).
 *
 * <p>The steps, from the top: seconds up to 2 minutes; minutes and seconds up to 10 minutes;
 * minutes up to 3 hours; hours and minutes up to 8 hours; hours up to 2 days; days and hours up to
 * 8 days; days up to 2 years; years and days up to 8 years; then years. Each unit is truncated,
 * never rounded, so {@code 119.9s} is still {@code 119s}. A moment up to a second in the future
 * reads {@code 0s}, to tolerate clock skew between machines; further ahead it is
 * {@code <invalid>}.
 *
 * <p>Real Kubernetes: {@code HumanDuration} in {@code k8s.io/apimachinery/pkg/util/duration}, and
 * {@code translateTimestampSince} in {@code pkg/printers/internalversion/printers.go}.
 */
public final class HumanDuration {

    /** What a column shows when the timestamp it would measure from is not set. */
    public static final String UNKNOWN = "<unknown>";
    /** What a duration more than a second negative shows: a timestamp in the future. */
    public static final String INVALID = "<invalid>";

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY_HOURS = 24;
    private static final long YEAR_HOURS = 365 * DAY_HOURS;

    private HumanDuration() {
    }

    /** The duration in kubectl's short form, e.g. {@code 3h5m}. */
    public static String format(Duration d) {
        // Go converts d.Seconds() to int, which truncates toward zero: -1.5s is -1, so "0s".
        long truncated = d.getSeconds() < 0 && d.getNano() > 0 ? d.getSeconds() + 1 : d.getSeconds();
        if (truncated < -1) {
            return INVALID;
        } else if (truncated < 0) {
            return "0s";
        } else if (truncated < 2 * MINUTE) {
            return truncated + "s";
        }
        long seconds = d.getSeconds(); // positive from here on, so floor and truncation agree
        long minutes = seconds / MINUTE;
        if (minutes < 10) {
            return withRemainder(minutes, "m", seconds % MINUTE, "s");
        } else if (minutes < 3 * 60) {
            return minutes + "m";
        }
        long hours = seconds / HOUR;
        if (hours < 8) {
            return withRemainder(hours, "h", minutes % 60, "m");
        } else if (hours < 2 * DAY_HOURS) {
            return hours + "h";
        } else if (hours < 8 * DAY_HOURS) {
            return withRemainder(hours / DAY_HOURS, "d", hours % DAY_HOURS, "h");
        } else if (hours < 2 * YEAR_HOURS) {
            return hours / DAY_HOURS + "d";
        } else if (hours < 8 * YEAR_HOURS) {
            return withRemainder(hours / YEAR_HOURS, "y", (hours / DAY_HOURS) % 365, "d");
        }
        return hours / YEAR_HOURS + "y";
    }

    /**
     * How long ago {@code timestamp} was at {@code now}, or {@code <unknown>} when it is not set
     * (an object not yet created, a job not yet started).
     */
    public static String since(Instant timestamp, Instant now) {
        return timestamp == null ? UNKNOWN : format(Duration.between(timestamp, now));
    }

    /** {@code 5m10s}, but {@code 5m} when the smaller unit is zero. */
    private static String withRemainder(long big, String bigUnit, long small, String smallUnit) {
        return small == 0 ? big + bigUnit : big + bigUnit + small + smallUnit;
    }
}
