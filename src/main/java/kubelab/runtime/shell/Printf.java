package kubelab.runtime.shell;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Text formatting for {@code printf}, {@code echo -e} and {@code date +FORMAT}: backslash escapes,
 * the {@code %s %d %%} conversions (with width and {@code -} flag), and a strftime subset.
 *
 * <p>Real Kubernetes: none; busybox {@code coreutils/printf.c} and {@code coreutils/date.c}.
 */
final class Printf {

    private Printf() {}

    /** Replaces {@code \n \t \\ \r \a \b \f \v \0NNN} by the characters they stand for. */
    static String escapes(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\013');
                case '0' -> {
                    int end = i + 1;
                    while (end < text.length() && end < i + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                        end++;
                    }
                    out.append((char) (end == i + 1 ? 0 : Integer.parseInt(text.substring(i + 1, end), 8)));
                    i = end - 1;
                }
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }

    /** printf FORMAT ARGS: the format is reused while arguments remain, as POSIX says. */
    static int format(Builtins.Call c, String format, List<String> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        int status = 0;
        do {
            int consumedBefore = next;
            for (int i = 0; i < format.length(); i++) {
                char ch = format.charAt(i);
                if (ch == '\\') {
                    int end = Math.min(i + 2, format.length());
                    out.append(escapes(format.substring(i, end)));
                    i = end - 1;
                    continue;
                }
                if (ch != '%' || i + 1 == format.length()) {
                    out.append(ch);
                    continue;
                }
                int start = i;
                i++;
                while (i < format.length() && "-0123456789.".indexOf(format.charAt(i)) >= 0) {
                    i++;
                }
                if (i == format.length()) {
                    out.append(format, start, i);
                    break;
                }
                String flags = format.substring(start + 1, i);
                char conv = format.charAt(i);
                if (conv == '%') {
                    out.append('%');
                    continue;
                }
                String arg = next < args.size() ? args.get(next++) : "";
                switch (conv) {
                    case 'd', 'i' -> {
                        long value = 0;
                        try {
                            value = arg.isEmpty() ? 0 : Long.parseLong(arg.trim());
                        } catch (NumberFormatException e) {
                            c.err("printf: invalid number '" + arg + "'\n");
                            status = 1;
                        }
                        out.append(String.format(Locale.ROOT, "%" + flags + "d", value));
                    }
                    case 'b' -> out.append(escapes(arg));
                    case 'c' -> out.append(arg.isEmpty() ? "" : arg.substring(0, 1));
                    default -> out.append(flags.isEmpty() ? arg : String.format(Locale.ROOT, "%" + flags + "s", arg));
                }
            }
            if (next == consumedBefore) {
                break;
            }
        } while (next < args.size());
        c.out(out.toString());
        return status;
    }

    /** date +FORMAT: %Y %m %d %H %M %S %s %T %F %a %b %e %Z %z %% (C locale, UTC). */
    static String strftime(String format, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char f = format.charAt(++i);
            String pattern = switch (f) {
                case 'Y' -> "yyyy";
                case 'm' -> "MM";
                case 'd' -> "dd";
                case 'e' -> "ppd";
                case 'H' -> "HH";
                case 'M' -> "mm";
                case 'S' -> "ss";
                case 'T' -> "HH:mm:ss";
                case 'F' -> "yyyy-MM-dd";
                case 'a' -> "EEE";
                case 'b' -> "MMM";
                case 'z' -> "xx";
                default -> null;
            };
            if (pattern != null) {
                out.append(DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(t));
            } else if (f == 's') {
                out.append(t.toEpochSecond());
            } else if (f == 'Z') {
                out.append("UTC");
            } else if (f == '%') {
                out.append('%');
            } else {
                out.append('%').append(f);
            }
        }
        return out.toString();
    }
}
