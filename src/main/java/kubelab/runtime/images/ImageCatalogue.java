package kubelab.runtime.images;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kubelab.runtime.cri.CriException;

/**
 * The images a simulated registry knows, read from a YAML file: each repository with its tags and
 * sizes, its Docker image config, its files and the behaviour that runs its program. Resolving a
 * name either finds an image or fails with the message containerd gives for that registry.
 *
 * <pre>{@code
 * ImageCatalogue catalogue = ImageCatalogue.standard();   // kubelab/runtime/images.yaml
 * CatalogueImage nginx = catalogue.resolve("nginx:1.14.2");
 * }</pre>
 *
 * <p>Real Kubernetes: the container registries (Docker Hub, registry.k8s.io, gcr.io, quay.io)
 * behind containerd's resolver ({@code core/remotes/docker}).
 */
public final class ImageCatalogue {

    /** A repository as written in the YAML file. */
    record Repository(String name, String behaviour, boolean shell, ImageConfigYaml config,
                      Map<String, String> files, Map<String, Object> params, Map<String, Tag> tags) {
    }

    /** One tag of a repository: its unpacked size, and the parameters and config it changes. */
    record Tag(long size, Map<String, Object> params, ImageConfigYaml config) {
    }

    /** The Docker image config, with Docker's own field names. */
    record ImageConfigYaml(@JsonProperty("Entrypoint") List<String> entrypoint, @JsonProperty("Cmd") List<String> cmd,
                           @JsonProperty("Env") List<String> env, @JsonProperty("WorkingDir") String workingDir) {
    }

    /** The whole file. */
    record CatalogueFile(Map<String, String> registryAliases, List<String> registries, List<Repository> repositories) {
    }

    private final Map<String, Repository> repositories = new LinkedHashMap<>();
    private final Map<String, String> registryAliases;
    private final Set<String> registries;

    private ImageCatalogue(CatalogueFile file) {
        file.repositories().forEach(r -> repositories.put(r.name(), r));
        registryAliases = file.registryAliases() == null ? Map.of() : Map.copyOf(file.registryAliases());
        registries = Set.copyOf(file.registries());
    }

    /**
     * The catalogue shipped with KubeLab: every image the documentation's examples use. Read once
     * and shared: a catalogue never changes, so every node of every cluster can use the same one.
     */
    public static ImageCatalogue standard() {
        return Standard.INSTANCE;
    }

    /** Holder of the shipped catalogue, read on first use. */
    private static final class Standard {
        static final ImageCatalogue INSTANCE = read();

        private static ImageCatalogue read() {
            try (InputStream in = ImageCatalogue.class.getResourceAsStream("/kubelab/runtime/images.yaml")) {
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads a catalogue in the format of {@code kubelab/runtime/images.yaml}. */
    public static ImageCatalogue load(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return new ImageCatalogue(mapper.readValue(yaml, CatalogueFile.class));
    }

    /** The image a name stands for, if the registry has it. */
    public Optional<CatalogueImage> find(String image) {
        try {
            return Optional.of(resolve(image));
        } catch (CriException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Resolves a name as a pull would.
     *
     * @throws CriException with containerd's message: {@code pull access denied} for an unknown
     *                      Docker Hub repository, {@code not found} for an unknown tag or a
     *                      repository unknown to another registry, {@code no such host} for an
     *                      unknown registry
     */
    public CatalogueImage resolve(String image) {
        ImageReference ref;
        try {
            ref = ImageReference.parse(image);
        } catch (IllegalArgumentException e) {
            throw new CriException("rpc error: code = Unknown desc = failed to pull and unpack image \"" + image
                    + "\": " + e.getMessage());
        }
        String domain = registryAliases.getOrDefault(ref.domain(), ref.domain());
        Repository repo = repositories.get(domain + "/" + ref.path());
        String prefix = "failed to pull and unpack image \"" + ref + "\": failed to resolve reference \"" + ref + "\": ";
        if (!registries.contains(domain)) {
            throw new CriException("rpc error: code = Unknown desc = " + prefix + "failed to do request: Head \"https://"
                    + ref.domain() + "/v2/" + ref.path() + "/manifests/" + (ref.tag() != null ? ref.tag() : ref.digest())
                    + "\": dial tcp: lookup " + ref.domain() + ": no such host");
        }
        if (repo == null && domain.equals(ImageReference.DOCKER_HUB)) {
            throw new CriException("rpc error: code = Unknown desc = " + prefix + "pull access denied, repository does "
                    + "not exist or may require authorization: server message: insufficient_scope: authorization failed");
        }
        Tag tag = repo == null ? null : tagOf(repo, ref);
        if (tag == null) {
            throw new CriException("rpc error: code = NotFound desc = " + prefix + ref + ": not found");
        }
        Map<String, Object> params = new HashMap<>(repo.params() == null ? Map.of() : repo.params());
        if (tag.params() != null) {
            params.putAll(tag.params());
        }
        String tagName = ref.tag() != null ? ref.tag() : "latest";
        ImageConfigYaml c = tag.config() != null ? tag.config()
                : repo.config() != null ? repo.config() : new ImageConfigYaml(null, null, null, null);
        return new CatalogueImage(ref, "sha256:" + sha256("config " + repo.name() + ":" + tagName),
                ref.repository() + "@" + digestOf(repo, tagName), tag.size(),
                new CatalogueImage.ImageConfig(c.entrypoint(), c.cmd(), c.env(), c.workingDir()),
                repo.files() == null ? Map.of() : repo.files(), repo.behaviour(), params, repo.shell());
    }

    private static Tag tagOf(Repository repo, ImageReference ref) {
        if (ref.tag() != null) {
            return repo.tags().get(ref.tag());
        }
        // A pull by digest: only the digests this registry published exist.
        return repo.tags().entrySet().stream()
                .filter(t -> digestOf(repo, t.getKey()).equals(ref.digest()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The manifest digest of a tag: deterministic, so runs repeat exactly. */
    private static String digestOf(Repository repo, String tag) {
        return "sha256:" + sha256("manifest " + repo.name() + ":" + tag);
    }

    private static String sha256(String text) {
        return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
    }
}
