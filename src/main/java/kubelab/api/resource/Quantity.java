package kubelab.api.resource;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A fixed-point number with a unit suffix, such as {@code 500m} CPU or {@code 128Mi} of memory.
 * The value is exact (never a floating-point number), so requests and limits add up without
 * drift; the suffix family it was written with ({@link Format}) is remembered and printed back
 * in canonical form: {@code 1.5Gi} prints as {@code 1536Mi}, {@code 0.5} as {@code 500m}.
 *
 * <p>Parsing follows Kubernetes exactly, quirks included: a value finer than a nano is rounded
 * away from zero to the next nano ({@code 0.1n} is {@code 1n}: ask for some, get some); a
 * binary quantity above 2^63-1 is capped there; a bare suffix such as {@code Mi} or {@code m}
 * reads as zero, because Kubernetes' scanner treats a missing number as 0.
 *
 * <p>Printing: {@link #toString()} (also the JSON form) is the canonical form. Kubernetes
 * additionally re-emits the parsed text unchanged when it already <em>looks</em> canonical, so a
 * few odd spellings ({@code +1}, {@code 01}, {@code 1.500}) print as typed there and canonically
 * here ({@code 1}, {@code 1}, {@code 1500m}); every ordinary spelling prints the same in both.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/api/resource} ({@code quantity.go},
 * {@code suffix.go}, {@code amount.go}).
 */
public final class Quantity implements Comparable<Quantity> {

    /** The three suffix families. Kubernetes' own names, so they read as in its docs. */
    public enum Format {
        /** {@code 12e6}: a power of ten written as an exponent. */
        DecimalExponent,
        /** {@code 12Mi}: powers of 1024 (Ki, Mi, Gi, Ti, Pi, Ei). */
        BinarySI,
        /** {@code 12M}: powers of 1000 (n, u, m, "", k, M, G, T, P, E). */
        DecimalSI
    }

    /** The message Kubernetes gives for text that is not shaped like a quantity. */
    public static final String ERR_FORMAT =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    /** The message Kubernetes gives for a well-shaped but unknown suffix ({@code 1kk}, {@code 1i}). */
    public static final String ERR_SUFFIX = "unable to parse quantity's suffix";

    /** Zero, printed {@code 0}. */
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DecimalSI);

    private static final BigDecimal MAX_INT64 = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal MIN_INT64 = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal BINARY_THRESHOLD = BigDecimal.valueOf(1024);
    private static final String[] DECIMAL_SUFFIXES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigInteger KIBI = BigInteger.valueOf(1024);

    private final BigDecimal value;
    private final Format format;
    private String canonical; // computed on first use; a benign race, as String is immutable

    private Quantity(BigDecimal value, Format format) {
        this.value = value;
        this.format = format;
    }

    /**
     * Parses a quantity: a signed decimal number ({@code 1}, {@code 0.5}, {@code .5}, {@code 1.})
     * followed by a binary suffix ({@code Ki}..{@code Ei}), a decimal suffix ({@code n u m k M G T P E}
     * or none) or an exponent ({@code e3}, {@code E-3}). No spaces are allowed anywhere.
     *
     * @throws IllegalArgumentException with Kubernetes' message ({@link #ERR_FORMAT} or {@link #ERR_SUFFIX})
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Quantity parse(String text) {
        Objects.requireNonNull(text, "text");
        // 1. Scan sign, digits, fraction and suffix, as Kubernetes' scanner does.
        int end = text.length();
        if (end == 0) {
            throw new IllegalArgumentException(ERR_FORMAT);
        }
        int pos = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            pos++;
        }
        int numStart = pos;
        pos = skipDigits(text, pos);
        String whole = text.substring(numStart, pos);
        String fraction = "";
        if (pos < end && text.charAt(pos) == '.') {
            int fracStart = ++pos;
            pos = skipDigits(text, pos);
            fraction = text.substring(fracStart, pos);
        }
        int suffixStart = pos;
        while (pos < end && "eEinumkKMGTP".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos < end && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        pos = skipDigits(text, pos);
        if (pos != end) {
            throw new IllegalArgumentException(ERR_FORMAT);
        }
        String suffix = text.substring(suffixStart);

        // 2. The number itself, exactly. An empty number (".", "Mi") is zero, as in Kubernetes.
        String digits = whole + fraction;
        BigDecimal amount = new BigDecimal(digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits), fraction.length());

        // 3. Apply the suffix.
        Format format;
        int decimal = indexOf(DECIMAL_SUFFIXES, suffix);
        int binary = suffix.isEmpty() ? -1 : indexOf(BINARY_SUFFIXES, suffix);
        if (decimal >= 0) {
            format = Format.DecimalSI;
            amount = amount.scaleByPowerOfTen(3 * decimal - 9);
        } else if (binary >= 0) {
            format = Format.BinarySI;
            amount = amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(10 * binary)));
        } else if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            format = Format.DecimalExponent;
            amount = amount.scaleByPowerOfTen(exponent(suffix.substring(1)));
        } else {
            throw new IllegalArgumentException(ERR_SUFFIX);
        }

        // 4. Nano is the finest unit: round anything finer away from zero, so a request for a
        //    tiny amount still gets some. Then cap binary quantities at 2^63-1, as Kubernetes does.
        if (amount.scale() > 9) {
            amount = amount.setScale(9, RoundingMode.UP);
        }
        if (format == Format.BinarySI && amount.compareTo(MAX_INT64) > 0) {
            amount = MAX_INT64;
        }
        if (format == Format.BinarySI && amount.signum() > 0 && amount.compareTo(BigDecimal.ONE) < 0) {
            format = Format.DecimalSI; // a fraction of a byte has no binary spelling
        }
        return new Quantity(negative ? amount.negate() : amount, format);
    }

    private static int skipDigits(String s, int pos) {
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos;
    }

    private static int indexOf(String[] table, String s) {
        for (int i = 0; i < table.length; i++) {
            if (table[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }

    private static int exponent(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ERR_SUFFIX);
        }
    }

    /**
     * A quantity written as a bare JSON or YAML number ({@code cpu: 1}, {@code cpu: 0.5}), which
     * Kubernetes accepts as if it were quoted. An exponent ({@code 1e3}) keeps its format.
     */
    @JsonCreator
    static Quantity fromJsonNumber(BigDecimal number) {
        return parse(number.scale() < 0 ? number.toString() : number.toPlainString());
    }

    /** Same as {@link #parse(String)}. */
    public static Quantity of(String text) {
        return parse(text);
    }

    /** A whole number in a format: {@code of(1024, BinarySI)} prints {@code 1Ki}. */
    public static Quantity of(long value, Format format) {
        return new Quantity(BigDecimal.valueOf(value), Objects.requireNonNull(format, "format"));
    }

    /** Thousandths in a format: {@code milli(1500, DecimalSI)} prints {@code 1500m}. */
    public static Quantity milli(long millis, Format format) {
        return new Quantity(BigDecimal.valueOf(millis, 3), Objects.requireNonNull(format, "format"));
    }

    /** A number of bytes, printed in binary units: {@code bytes(134217728)} prints {@code 128Mi}. */
    public static Quantity bytes(long bytes) {
        return of(bytes, Format.BinarySI);
    }

    /** CPU in millicores: {@code cpu(500)} prints {@code 500m}, {@code cpu(2000)} prints {@code 2}. */
    public static Quantity cpu(long millis) {
        return milli(millis, Format.DecimalSI);
    }

    /** The suffix family this quantity prints with. */
    public Format format() {
        return format;
    }

    /** The exact value. */
    public BigDecimal asBigDecimal() {
        return value;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** -1, 0 or 1. */
    public int signum() {
        return value.signum();
    }

    /** The value in whole units, rounded away from zero ({@code 1500m} is 2); saturates at the long range. */
    public long value() {
        return toLongRoundedUp(value);
    }

    /** The value in thousandths, rounded away from zero ({@code 1n} is 1); saturates at the long range. */
    public long milliValue() {
        return toLongRoundedUp(value.movePointRight(3));
    }

    private static long toLongRoundedUp(BigDecimal v) {
        // Compare before rounding, so a huge exponent is never expanded digit by digit.
        if (v.compareTo(MAX_INT64) > 0) {
            return Long.MAX_VALUE;
        }
        if (v.compareTo(MIN_INT64) < 0) {
            return Long.MIN_VALUE;
        }
        return v.setScale(0, RoundingMode.UP).longValueExact();
    }

    /** The sum. Like Kubernetes, a zero left-hand side takes the format of the other operand. */
    public Quantity add(Quantity other) {
        return new Quantity(value.add(other.value), isZero() ? other.format : format);
    }

    /** The difference, with the same format rule as {@link #add(Quantity)}. */
    public Quantity subtract(Quantity other) {
        return new Quantity(value.subtract(other.value), isZero() ? other.format : format);
    }

    public Quantity negate() {
        return new Quantity(value.negate(), format);
    }

    /** This quantity times a whole number (two replicas of a 250m request are 500m). */
    public Quantity multiply(long factor) {
        return new Quantity(value.multiply(BigDecimal.valueOf(factor)), format);
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    /** Equal by value, whatever the spelling: {@code 1000m} equals {@code 1}, {@code 1Ki} equals {@code 1024}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    /** The canonical form, as Kubernetes serialises it ({@code 1536Mi}, {@code 500m}, {@code 2e3}). */
    @JsonValue
    @Override
    public String toString() {
        String s = canonical;
        if (s == null) {
            s = QuantityFormatter.canonical(value, format);
            canonical = s;
        }
        return s;
    }

    /**
     * Canonical printing, apart from the value type so each reads on its own:
     * the largest suffix that keeps the number whole and exact.
     */
    static final class QuantityFormatter {
        private QuantityFormatter() {
        }

        static String canonical(BigDecimal value, Format format) {
            if (value.signum() == 0) {
                return "0";
            }
            String sign = value.signum() < 0 ? "-" : "";
            BigDecimal abs = value.abs();
            // 1. Binary only where it is exact and at least 1Ki; otherwise print as decimal SI.
            if (format == Format.BinarySI) {
                if (abs.compareTo(BINARY_THRESHOLD) < 0 || abs.stripTrailingZeros().scale() > 0) {
                    format = Format.DecimalSI;
                } else {
                    return sign + binary(abs.toBigIntegerExact());
                }
            }
            // 2. Decimal: all factors of ten into the exponent, then down to a multiple of three.
            BigDecimal stripped = abs.stripTrailingZeros();
            BigInteger mantissa = stripped.unscaledValue();
            long exponent = -(long) stripped.scale();
            while (Math.floorMod(exponent, 3) != 0) {
                mantissa = mantissa.multiply(BigInteger.TEN);
                exponent--;
            }
            // 3. The suffix for that exponent; beyond E (10^18) or below n there is none, so fall
            //    back to exponent notation rather than lose the magnitude.
            String suffix;
            if (format == Format.DecimalSI && exponent >= -9 && exponent <= 18) {
                suffix = DECIMAL_SUFFIXES[(int) (exponent + 9) / 3];
            } else {
                suffix = exponent == 0 ? "" : "e" + exponent;
            }
            return sign + mantissa + suffix;
        }

        private static String binary(BigInteger n) {
            int power = 0;
            while (power < BINARY_SUFFIXES.length - 1 && n.mod(KIBI).signum() == 0) {
                n = n.divide(KIBI);
                power++;
            }
            return n + BINARY_SUFFIXES[power];
        }
    }
}
