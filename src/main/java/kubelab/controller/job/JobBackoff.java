package kubelab.controller.job;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The Job controller's memory of pod failures, per Job key: how many failures came in a row since the
 * last success, and when the last one was seen, so that a replacement pod waits 10 s, 20 s, 40 s, ...
 * (at most {@link #MAX_BACKOFF}) after a failure instead of crash-looping through {@code backoffLimit}.
 *
 * <p>Like Kubernetes' store it lives in the controller's memory, not in the API: a restarted
 * controller forgets it and retries at once.
 *
 * <p>Real Kubernetes: {@code backoffRecord} and {@code backoffStore} in
 * {@code pkg/controller/job/backoff_utils.go}.
 */
final class JobBackoff {
    /** The delay after the first failure; it doubles with each failure in a row. */
    static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(10);
    /** The cap the documentation gives ("capped at six minutes"). */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(6);

    private record Record(int failedSeen, int succeededSeen, int failuresAfterLastSuccess, Instant lastFailureTime) {
    }

    private final Map<String, Record> byKey = new HashMap<>();

    /**
     * Updates the record of {@code key} with the counts just observed and returns how long a new
     * pod must still wait at {@code now} (zero when it may be created).
     */
    Duration observe(String key, int failed, int succeeded, Instant now) {
        Record r = byKey.getOrDefault(key, new Record(0, 0, 0, null));
        int inARow = r.failuresAfterLastSuccess();
        Instant last = r.lastFailureTime();
        if (succeeded > r.succeededSeen()) {
            inARow = 0; // a success ends the run of failures
        }
        if (failed > r.failedSeen()) {
            inARow += failed - r.failedSeen();
            last = now;
        }
        byKey.put(key, new Record(Math.max(failed, r.failedSeen()), Math.max(succeeded, r.succeededSeen()),
                inARow, last));
        if (inARow == 0 || last == null) {
            return Duration.ZERO;
        }
        Duration wait = delay(inARow).minus(Duration.between(last, now));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** 10 s after one failure, doubling per failure in a row, capped at {@link #MAX_BACKOFF}. */
    static Duration delay(int failuresInARow) {
        if (failuresInARow <= 0) {
            return Duration.ZERO;
        }
        Duration d = DEFAULT_BACKOFF;
        for (int i = 1; i < failuresInARow && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    void forget(String key) {
        byKey.remove(key);
    }
}
