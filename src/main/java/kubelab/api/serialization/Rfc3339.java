package kubelab.api.serialization;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * {@code metav1.Time} as text: RFC 3339 in whole seconds, UTC ({@code 2026-01-01T00:00:00Z}).
 * Every stored object carries a few of these, and every decode and encode of an object reads or
 * writes them, so the common form has a direct path here; anything else (fractions of a second,
 * offsets, years outside 0000–9999) goes the general way through {@code java.time}.
 *
 * <p>Real Kubernetes: {@code metav1.Time}'s {@code MarshalJSON} and {@code UnmarshalJSON}
 * ({@code time.RFC3339}).
 */
public final class Rfc3339 {
    /** 10000-01-01T00:00:00Z: the first second that needs more than four digits of year. */
    private static final long YEAR_10000 = 253_402_300_800L;

    private Rfc3339() {
    }

    /** The instant in whole seconds: {@code 2026-01-01T00:00:00Z}. */
    public static String format(Instant value) {
        long s = value.getEpochSecond();
        if (s < 0 || s >= YEAR_10000) {
            return value.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        LocalDate date = LocalDate.ofEpochDay(s / 86_400);
        int second = (int) (s % 86_400);
        char[] c = new char[20];
        digits(c, 0, date.getYear(), 4);
        c[4] = '-';
        digits(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, second / 3600, 2);
        c[13] = ':';
        digits(c, 14, second / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, second % 60, 2);
        c[19] = 'Z';
        return new String(c);
    }

    /**
     * The instant written as {@code YYYY-MM-DDTHH:MM:SSZ}, or null if the text has another form
     * (the caller then parses it the general way, which also reports what is wrong with it).
     */
    public static Instant parseSimple(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second);
        } catch (DateTimeException e) {
            return null;   // 2026-02-30: the general parser says why
        }
    }

    /** The decimal number in text[from, from+length), or -1 if a character is not a digit. */
    private static int number(String text, int from, int length) {
        int n = 0;
        for (int i = from; i < from + length; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
