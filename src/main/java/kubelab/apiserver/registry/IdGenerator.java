package kubelab.apiserver.registry;

import java.util.Random;
import java.util.UUID;

/**
 * Makes uids and the random suffix of {@code generateName}, from a given random source so that a
 * seeded simulation makes the same names every run.
 *
 * <p>Real Kubernetes: {@code uuid.NewUUID} and {@code names.SimpleNameGenerator}
 * ({@code k8s.io/apiserver/pkg/storage/names}).
 */
public final class IdGenerator {
    /** Kubernetes' alphabet for name suffixes: no vowels, no look-alike characters. */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int SUFFIX_LENGTH = 5;
    /** 63 (the longest label) minus the suffix: longer prefixes are cut. */
    private static final int MAX_PREFIX_LENGTH = 63 - SUFFIX_LENGTH;

    private final Random random;

    public IdGenerator(Random random) {
        this.random = random;
    }

    /** A random (version 4) UUID, as a string. */
    public synchronized String newUid() {
        long hi = random.nextLong();
        long lo = random.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;            // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE; // IETF variant
        return new UUID(hi, lo).toString();
    }

    /** {@code prefix} plus five random characters, e.g. {@code web-7d9f8c-x2k4p}. */
    public synchronized String generateName(String prefix) {
        String base = prefix.length() > MAX_PREFIX_LENGTH ? prefix.substring(0, MAX_PREFIX_LENGTH) : prefix;
        StringBuilder sb = new StringBuilder(base);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
