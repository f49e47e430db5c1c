package kubelab.api.core;

/**
 * A health check the kubelet runs against a container: one action ({@code exec}, {@code httpGet},
 * {@code tcpSocket} or {@code grpc}) and its timing. Fields left out take the API server's defaults
 * (timeout 1 s, period 10 s, successThreshold 1, failureThreshold 3).
 *
 * <p>Liveness failures restart the container; readiness failures take the pod out of Service
 * endpoints; a startup probe holds the other two back until it succeeds.
 *
 * <p>Real Kubernetes: {@code corev1.Probe}, which embeds {@code corev1.ProbeHandler} inline.
 */
public record Probe(
        ExecAction exec,
        HTTPGetAction httpGet,
        TCPSocketAction tcpSocket,
        GRPCAction grpc,
        Integer initialDelaySeconds,
        Integer timeoutSeconds,
        Integer periodSeconds,
        Integer successThreshold,
        Integer failureThreshold,
        Long terminationGracePeriodSeconds) {
}
