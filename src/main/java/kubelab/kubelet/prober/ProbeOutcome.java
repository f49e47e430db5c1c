package kubelab.kubelet.prober;

/**
 * What one run of one probe found: {@code SUCCESS} or {@code FAILURE} with the probe's output (the
 * command's stdout and stderr, the HTTP body, or the reason it failed), or an {@code error}: the
 * probe could not be run at all (a named port the container does not declare, a container the
 * runtime no longer knows). An error yields no verdict; the worker throws it away. A
 * {@code warning} is a success worth telling people about (an HTTP redirect not followed).
 *
 * <p>Real Kubernetes: the {@code (probe.Result, string, error)} triple of {@code pkg/probe}.
 */
record ProbeOutcome(ProbeResult result, String output, String error, boolean warning) {

    static ProbeOutcome success(String output) {
        return new ProbeOutcome(ProbeResult.SUCCESS, output, null, false);
    }

    static ProbeOutcome warning(String output) {
        return new ProbeOutcome(ProbeResult.SUCCESS, output, null, true);
    }

    static ProbeOutcome failure(String output) {
        return new ProbeOutcome(ProbeResult.FAILURE, output, null, false);
    }

    static ProbeOutcome error(String message) {
        return new ProbeOutcome(ProbeResult.UNKNOWN, "", message, false);
    }

    boolean errored() {
        return error != null;
    }
}
