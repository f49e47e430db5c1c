package kubelab.runtime.images;

import java.util.Locale;

/**
 * An image name normalised as containerd normalises it: {@code nginx} is
 * {@code docker.io/library/nginx:latest}, {@code vish/stress} is {@code docker.io/vish/stress:latest},
 * and a name with a registry host ({@code registry.k8s.io/pause:3.10}) keeps it.
 *
 * <p>Real Kubernetes: {@code github.com/distribution/reference}'s {@code ParseNormalizedNamed} and
 * {@code TagNameOnly}, used by containerd's CRI plugin.
 *
 * @param domain     the registry host ({@code docker.io}, {@code registry.k8s.io})
 * @param path       the repository inside it ({@code library/nginx})
 * @param tag        the tag, {@code latest} when none was given
 * @param digest     {@code sha256:...} when the name carried one, else null
 */
public record ImageReference(String domain, String path, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    /**
     * Parses and normalises an image name.
     *
     * @throws IllegalArgumentException for an empty name or upper case letters in the repository
     *                                  ("invalid reference format", as the kubelet's InvalidImageName)
     */
    public static ImageReference parse(String image) {
        String name = image == null ? "" : image.trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invalid reference format");
        }
        String digest = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }
        String tag = null;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        String domain = DOCKER_HUB;
        String path = name;
        int slash = name.indexOf('/');
        if (slash >= 0) {
            String first = name.substring(0, slash);
            // Only a component that looks like a host is a registry: "vish/stress" is Docker Hub.
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                domain = first;
                path = name.substring(slash + 1);
            }
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        if (domain.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        if (!path.equals(path.toLowerCase(Locale.ROOT)) || path.isEmpty()) {
            throw new IllegalArgumentException("invalid reference format: repository name must be lowercase");
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(domain, path, tag, digest);
    }

    /** {@code docker.io/library/nginx}: the repository, without tag. */
    public String repository() {
        return domain + "/" + path;
    }

    /** {@code docker.io/library/nginx:1.14.2}: the full normalised name containerd reports. */
    @Override
    public String toString() {
        return repository() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
