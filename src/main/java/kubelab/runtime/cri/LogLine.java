package kubelab.runtime.cri;

import java.time.Instant;

/**
 * One line a container wrote, with when and to which stream ({@code stdout} or {@code stderr}).
 *
 * <p>Real Kubernetes: one line of the CRI log format in the file at the container's
 * {@code log_path} ({@code 2026-01-01T00:00:05Z stdout F hello}).
 */
public record LogLine(Instant time, String stream, String text) {
}
