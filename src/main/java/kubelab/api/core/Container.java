package kubelab.api.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * One container of a pod: the image to run, its command and environment, the ports it listens on,
 * its resources, where volumes are mounted, and how the kubelet probes and stops it.
 *
 * <p>{@code command} replaces the image's ENTRYPOINT and {@code args} its CMD. {@code restartPolicy}
 * is only allowed on an init container, and only as {@code Always}: that makes it a sidecar that
 * starts before the app containers and keeps running beside them. {@code imagePullPolicy} is
 * Always, IfNotPresent or Never (see {@link PullPolicy}); when absent the API server chooses
 * Always for a {@code :latest} or untagged image and IfNotPresent otherwise.
 *
 * <p>Real Kubernetes: {@code corev1.Container}.
 */
public record Container(
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
        Boolean tty) {

    public Container {
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

    /** A container with only a name and an image; everything else is left to defaults. */
    public static Container of(String name, String image) {
        return new Container(name, image, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    public Container withImage(String image) {
        return new Container(name, image, command, args, workingDir, ports, envFrom, env, resources, resizePolicy,
                restartPolicy, restartPolicyRules, volumeMounts, volumeDevices, livenessProbe, readinessProbe,
                startupProbe, lifecycle, terminationMessagePath, terminationMessagePolicy, imagePullPolicy,
                securityContext, stdin, stdinOnce, tty);
    }

    public Container withResources(ResourceRequirements resources) {
        return new Container(name, image, command, args, workingDir, ports, envFrom, env, resources, resizePolicy,
                restartPolicy, restartPolicyRules, volumeMounts, volumeDevices, livenessProbe, readinessProbe,
                startupProbe, lifecycle, terminationMessagePath, terminationMessagePolicy, imagePullPolicy,
                securityContext, stdin, stdinOnce, tty);
    }

    public Container withCommand(List<String> command) {
        return new Container(name, image, command, args, workingDir, ports, envFrom, env, resources, resizePolicy,
                restartPolicy, restartPolicyRules, volumeMounts, volumeDevices, livenessProbe, readinessProbe,
                startupProbe, lifecycle, terminationMessagePath, terminationMessagePolicy, imagePullPolicy,
                securityContext, stdin, stdinOnce, tty);
    }

    public Container withPorts(List<ContainerPort> ports) {
        return new Container(name, image, command, args, workingDir, ports, envFrom, env, resources, resizePolicy,
                restartPolicy, restartPolicyRules, volumeMounts, volumeDevices, livenessProbe, readinessProbe,
                startupProbe, lifecycle, terminationMessagePath, terminationMessagePolicy, imagePullPolicy,
                securityContext, stdin, stdinOnce, tty);
    }

    public Container withEnv(List<EnvVar> env) {
        return new Container(name, image, command, args, workingDir, ports, envFrom, env, resources, resizePolicy,
                restartPolicy, restartPolicyRules, volumeMounts, volumeDevices, livenessProbe, readinessProbe,
                startupProbe, lifecycle, terminationMessagePath, terminationMessagePolicy, imagePullPolicy,
                securityContext, stdin, stdinOnce, tty);
    }

    public Container withVolumeMounts(List<VolumeMount> volumeMounts) {
        return new Container(name, image, command, args, workingDir, ports, envFrom, env, resources, resizePolicy,
                restartPolicy, restartPolicyRules, volumeMounts, volumeDevices, livenessProbe, readinessProbe,
                startupProbe, lifecycle, terminationMessagePath, terminationMessagePolicy, imagePullPolicy,
                securityContext, stdin, stdinOnce, tty);
    }

    /** True for an init container declared with {@code restartPolicy: Always}: a sidecar. */
    @JsonIgnore
    public boolean isSidecar() {
        return ContainerRestartPolicy.ALWAYS.equals(restartPolicy);
    }
}
