package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * A debugging container added to a running pod through the {@code ephemeralcontainers}
 * subresource ({@code kubectl debug}). It has a container's shape but no ports, probes or
 * resources guarantees, is never restarted, and may join {@code targetContainerName}'s process
 * namespace.
 *
 * <p>Real Kubernetes: {@code corev1.EphemeralContainer}, which embeds {@code EphemeralContainerCommon}.
 */
public record EphemeralContainer(
        String name,
        String image,
        List<String> command,
        List<String> args,
        String workingDir,
        @PatchStrategy(value = "merge", mergeKey = "containerPort") List<ContainerPort> ports,
        List<EnvFromSource> envFrom,
        @PatchStrategy(value = "merge", mergeKey = "name") List<EnvVar> env,
        ResourceRequirements resources,
        List<ContainerResizePolicy> resizePolicy,
        String restartPolicy,
        List<ContainerRestartRule> restartPolicyRules,
        @PatchStrategy(value = "merge", mergeKey = "mountPath") List<VolumeMount> volumeMounts,
        @PatchStrategy(value = "merge", mergeKey = "devicePath") List<VolumeDevice> volumeDevices,
        Probe livenessProbe,
        Probe readinessProbe,
        Probe startupProbe,
        Lifecycle lifecycle,
        String terminationMessagePath,
        String terminationMessagePolicy,
        String imagePullPolicy,
        SecurityContext securityContext,
        Boolean stdin,
        Boolean stdinOnce,
        Boolean tty,
        String targetContainerName) {

    public EphemeralContainer {
        command = Copies.list(command);
        args = Copies.list(args);
        ports = Copies.list(ports);
        envFrom = Copies.list(envFrom);
        env = Copies.list(env);
        resizePolicy = Copies.list(resizePolicy);
        restartPolicyRules = Copies.list(restartPolicyRules);
        volumeMounts = Copies.list(volumeMounts);
        volumeDevices = Copies.list(volumeDevices);
    }

    /** The container-shaped part, for code that runs any container the same way. */
    public Container asContainer() {
        return new Container(name, image, command, args, workingDir, ports, envFrom, env, resources, resizePolicy,
                restartPolicy, restartPolicyRules, volumeMounts, volumeDevices, livenessProbe, readinessProbe,
                startupProbe, lifecycle, terminationMessagePath, terminationMessagePolicy, imagePullPolicy,
                securityContext, stdin, stdinOnce, tty);
    }
}
