package kubelab.apiserver.registry.batch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kubelab.apiserver.registry.validation.GoValue;

/**
 * Checks a CronJob schedule as Kubernetes' cron library parses it: five fields (minute, hour,
 * day of month, month, day of week), each a list of {@code *}, {@code ?}, numbers, names
 * ({@code jan}, {@code mon}), ranges ({@code 1-5}) and steps ({@code 0-30/5}); or a descriptor
 * ({@code @hourly}, {@code @daily}, {@code @every 1h30m}). The error texts are the library's, since
 * the API server passes them through ({@code spec.schedule: Invalid value: "bad": expected exactly
 * 5 fields, found 1: [bad]}). Only the check is done here; the CronJob controller computes the
 * times.
 *
 * <p>Real Kubernetes: {@code cron.ParseStandard} of {@code github.com/robfig/cron/v3}, called by
 * {@code validateScheduleFormat} in {@code pkg/apis/batch/validation}.
 */
public final class CronSchedule {
    private record Bounds(int min, int max, Map<String, Integer> names) {
    }

    private static final Bounds MINUTES = new Bounds(0, 59, Map.of());
    private static final Bounds HOURS = new Bounds(0, 23, Map.of());
    private static final Bounds DOM = new Bounds(1, 31, Map.of());
    private static final Bounds MONTHS = new Bounds(1, 12, Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12)));
    private static final Bounds DOW = new Bounds(0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4,
            "fri", 5, "sat", 6));
    private static final List<Bounds> FIELDS = List.of(MINUTES, HOURS, DOM, MONTHS, DOW);
    private static final List<String> DESCRIPTORS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");
    /** Go's time.ParseDuration grammar: one or more number+unit pairs, e.g. {@code 1h30m}. */
    private static final Pattern DURATION = Pattern.compile("[-+]?(\\d*\\.?\\d+(ns|us|µs|ms|s|m|h))+|0");

    private CronSchedule() {
    }

    /** What is wrong with the schedule, as the cron library words it; empty if it parses. */
    public static Optional<String> problem(String schedule) {
        if (schedule.isEmpty()) {
            return Optional.of("empty spec string");
        }
        String spec = schedule;
        if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
            int space = spec.indexOf(' ');
            if (space < 0) {
                return Optional.of("invalid timezone specification: " + spec);
            }
            spec = spec.substring(space).trim();
        }
        if (spec.startsWith("@")) {
            return descriptor(spec);
        }
        String[] fields = spec.trim().isEmpty() ? new String[0] : spec.trim().split("\\s+");
        if (fields.length != 5) {
            return Optional.of("expected exactly 5 fields, found " + fields.length + ": [" + String.join(" ", fields) + "]");
        }
        for (int i = 0; i < 5; i++) {
            for (String range : fields[i].split(",")) {
                if (range.isEmpty()) {
                    continue;
                }
                Optional<String> p = range(range, FIELDS.get(i));
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> descriptor(String spec) {
        if (DESCRIPTORS.contains(spec)) {
            return Optional.empty();
        }
        if (spec.startsWith("@every ")) {
            String d = spec.substring("@every ".length());
            return DURATION.matcher(d).matches() ? Optional.empty()
                    : Optional.of("failed to parse duration " + spec + ": time: invalid duration \"" + d + "\"");
        }
        return Optional.of("unrecognized descriptor: " + spec);
    }

    /** One range: {@code number | number-number}, optionally {@code /step}, or {@code *} and {@code ?}. */
    private static Optional<String> range(String expr, Bounds bounds) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        int start;
        int end;
        try {
            if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
                start = bounds.min();
                end = bounds.max();
            } else {
                start = intOrName(lowAndHigh[0], bounds);
                if (lowAndHigh.length == 1) {
                    end = start;
                } else if (lowAndHigh.length == 2) {
                    end = intOrName(lowAndHigh[1], bounds);
                } else {
                    return Optional.of("too many hyphens: " + expr);
                }
            }
            int step = 1;
            if (rangeAndStep.length == 2) {
                step = parseInt(rangeAndStep[1]);
                if (lowAndHigh.length == 1) {
                    end = bounds.max(); // "N/step" means "N-max/step"
                }
            } else if (rangeAndStep.length > 2) {
                return Optional.of("too many slashes: " + expr);
            }
            if (start < bounds.min()) {
                return Optional.of("beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expr);
            }
            if (end > bounds.max()) {
                return Optional.of("end of range (" + end + ") above maximum (" + bounds.max() + "): " + expr);
            }
            if (start > end) {
                return Optional.of("beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
            }
            if (step == 0) {
                return Optional.of("step of range should be a positive number: " + expr);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static int intOrName(String expr, Bounds bounds) {
        Integer named = bounds.names().get(expr.toLowerCase(Locale.ROOT));
        return named != null ? named : parseInt(expr);
    }

    /** Go's strconv.Atoi, with the library's words around its error. */
    private static int parseInt(String expr) {
        int num;
        try {
            num = Integer.parseInt(expr.startsWith("+") ? expr.substring(1) : expr);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse int from " + expr + ": strconv.Atoi: parsing "
                    + GoValue.quote(expr) + ": " + (expr.matches("[-+]?\\d+") ? "value out of range" : "invalid syntax"));
        }
        if (num < 0) {
            throw new IllegalArgumentException("negative number (" + num + ") not allowed: " + expr);
        }
        return num;
    }
}
