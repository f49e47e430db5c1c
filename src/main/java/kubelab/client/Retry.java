package kubelab.client;

import java.util.function.Supplier;
import kubelab.apiserver.ApiException;

/**
 * Optimistic concurrency from the client's side: an update that fails with 409 Conflict (someone
 * wrote the object since we read it) is retried from a fresh read, a few times.
 *
 * <p>client-go waits about 10 ms between attempts; here attempts follow at once, because the
 * caller may be running on the event loop, which must never block, and the fresh read is what
 * makes a retry succeed, not the pause.
 *
 * <p>Real Kubernetes: {@code retry.RetryOnConflict(retry.DefaultRetry, fn)} in
 * {@code client-go/util/retry}.
 */
public final class Retry {
    /** Attempts in all, as client-go's {@code DefaultRetry.Steps}. */
    public static final int DEFAULT_ATTEMPTS = 5;

    private Retry() {
    }

    /** {@link #onConflict(int, Supplier)} with {@link #DEFAULT_ATTEMPTS}. */
    public static <R> R onConflict(Supplier<R> attempt) {
        return onConflict(DEFAULT_ATTEMPTS, attempt);
    }

    /**
     * Runs {@code attempt} (which must re-read what it changes) until it does not fail with a
     * conflict, at most {@code attempts} times.
     *
     * @throws ApiException the last conflict if every attempt conflicted, or any other failure at once
     */
    public static <R> R onConflict(int attempts, Supplier<R> attempt) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        ApiException last = null;
        for (int i = 0; i < attempts; i++) {
            try {
                return attempt.get();
            } catch (ApiException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** True for 409 with reason Conflict (not AlreadyExists, which is also a 409). */
    public static boolean isConflict(Throwable e) {
        return e instanceof ApiException api && api.code() == 409 && "Conflict".equals(api.reason());
    }
}
