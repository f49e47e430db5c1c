package kubelab.runtime.sim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * π to a given number of significant digits, exactly, as Perl's {@code bignum} {@code bpi(N)}
 * prints it ({@code bpi(5)} is {@code 3.1416}): Machin's formula
 * π = 16·arctan(1/5) − 4·arctan(1/239) in fixed-point integers with guard digits, then rounded
 * half-to-even as Math::BigFloat rounds.
 *
 * <p>Real Kubernetes: none; what the Job example's {@code perl -Mbignum=bpi -wle "print bpi(2000)"}
 * computes.
 */
public final class PiDigits {

    private static final int GUARD_DIGITS = 20;

    private PiDigits() {}

    /** π with {@code digits} significant digits ({@code digits} ≥ 1), in plain notation. */
    public static String pi(int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be at least 1: " + digits);
        }
        int scale = digits + GUARD_DIGITS;
        BigInteger unity = BigInteger.TEN.pow(scale);
        BigInteger pi = arctanInverse(5, unity).shiftLeft(4).subtract(arctanInverse(239, unity).shiftLeft(2));
        return new BigDecimal(pi, scale).round(new MathContext(digits, RoundingMode.HALF_EVEN)).toPlainString();
    }

    /**
     * arctan(1/x)·unity = unity/x − unity/(3x³) + unity/(5x⁵) − ..., each term truncated; the error
     * (one unit per term) stays far inside the guard digits.
     */
    private static BigInteger arctanInverse(int x, BigInteger unity) {
        BigInteger xSquared = BigInteger.valueOf((long) x * x);
        BigInteger power = unity.divide(BigInteger.valueOf(x));
        BigInteger sum = power;
        for (int k = 1; power.signum() != 0; k++) {
            power = power.divide(xSquared);
            BigInteger term = power.divide(BigInteger.valueOf(2L * k + 1));
            sum = (k % 2 == 1) ? sum.subtract(term) : sum.add(term);
        }
        return sum;
    }
}
