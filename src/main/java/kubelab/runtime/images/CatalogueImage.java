package kubelab.runtime.images;

import java.util.List;
import java.util.Map;

/**
 * One image of the catalogue, resolved from a name: how it is called, what it weighs, its Docker
 * image config, the files it brings and the behaviour that stands in for its program.
 *
 * <p>Real Kubernetes: an image manifest plus its config blob ({@code application/vnd.oci.image.config.v1+json})
 * as containerd stores it after a pull.
 *
 * @param reference  the normalised name it was asked for ({@code docker.io/library/nginx:1.14.2})
 * @param id         the image id ({@code sha256:...} of its config)
 * @param repoDigest {@code docker.io/library/nginx@sha256:...}
 * @param size       unpacked size in bytes
 * @param config     Entrypoint, Cmd, Env and WorkingDir
 * @param files      path to content of the files the image ships (its root filesystem, abridged)
 * @param behaviour  the name of the {@code kubelab.runtime.sim} behaviour that runs its program
 * @param params     the behaviour's parameters, repository's merged with the tag's
 * @param shell      whether the image has {@code /bin/sh}, so that {@code exec} can run a shell
 */
public record CatalogueImage(ImageReference reference, String id, String repoDigest, long size, ImageConfig config,
                             Map<String, String> files, String behaviour, Map<String, Object> params, boolean shell) {
    public CatalogueImage {
        files = Map.copyOf(files);
        params = Map.copyOf(params);
    }

    /** The repo tag the node lists ({@code docker.io/library/nginx:1.14.2}). */
    public String repoTag() {
        return reference.repository() + ":" + (reference.tag() != null ? reference.tag() : "latest");
    }

    /** A string parameter of the behaviour, or {@code fallback}. */
    public String param(String name, String fallback) {
        Object value = params.get(name);
        return value == null ? fallback : value.toString();
    }

    /**
     * The part of a Docker image config that decides how a container starts.
     *
     * <p>Real Kubernetes: {@code config} in the OCI image config ({@code Entrypoint}, {@code Cmd},
     * {@code Env}, {@code WorkingDir}).
     */
    public record ImageConfig(List<String> entrypoint, List<String> cmd, List<String> env, String workingDir) {
        public ImageConfig {
            entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
            cmd = cmd == null ? List.of() : List.copyOf(cmd);
            env = env == null ? List.of() : List.copyOf(env);
            workingDir = workingDir == null || workingDir.isEmpty() ? "/" : workingDir;
        }
    }
}
