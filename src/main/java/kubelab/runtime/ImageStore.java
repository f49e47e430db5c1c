package kubelab.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.Image;
import kubelab.runtime.images.CatalogueImage;
import kubelab.runtime.images.ImageCatalogue;
import kubelab.runtime.images.ImageReference;
import kubelab.time.EventLoop;

/**
 * The images present on one node, and pulls that take virtual time: half a second to resolve the
 * manifest, then the image's size at 20 MB/s (a pull of an image already present only resolves).
 * A name the registry does not have fails after the resolve, with the registry's message.
 *
 * <p>Real Kubernetes: containerd's image store and its {@code PullImage}
 * ({@code internal/cri/server/images}).
 */
final class ImageStore {

    static final Duration RESOLVE_TIME = Duration.ofMillis(500);
    static final long BYTES_PER_SECOND = 20_000_000L;
    /** The sandbox image, present on every node from the start, as node images ship it. */
    static final String PAUSE_IMAGE = "registry.k8s.io/pause:3.10";

    private final EventLoop loop;
    private final ImageCatalogue catalogue;
    /** Present images by id; each with the names it was pulled as. */
    private final Map<String, Image> images = new LinkedHashMap<>();
    private final Map<String, CatalogueImage> byName = new LinkedHashMap<>();

    ImageStore(EventLoop loop, ImageCatalogue catalogue) {
        this.loop = loop;
        this.catalogue = catalogue;
        add(catalogue.resolve(PAUSE_IMAGE));
    }

    /** How long a pull of {@code size} bytes takes. */
    static Duration pullTime(long size, boolean present) {
        return present ? RESOLVE_TIME : RESOLVE_TIME.plusMillis(size * 1000 / BYTES_PER_SECOND);
    }

    CompletableFuture<String> pull(String name) {
        CompletableFuture<String> done = new CompletableFuture<>();
        CatalogueImage image;
        try {
            image = catalogue.resolve(name);
        } catch (CriException e) {
            loop.schedule("pull " + name + " fails", RESOLVE_TIME, () -> done.completeExceptionally(e));
            return done;
        }
        loop.schedule("pull " + name, pullTime(image.size(), find(name).isPresent()), () -> {
            add(image);
            done.complete(image.repoDigest());
        });
        return done;
    }

    private void add(CatalogueImage image) {
        byName.put(image.reference().toString(), image);
        Image old = images.get(image.id());
        List<String> tags = new ArrayList<>(old == null ? List.of() : old.repoTags());
        if (!tags.contains(image.repoTag())) {
            tags.add(image.repoTag());
        }
        images.put(image.id(), new Image(image.id(), tags, List.of(image.repoDigest()), image.size()));
    }

    /** The present image a name stands for. */
    Optional<CatalogueImage> find(String name) {
        try {
            return Optional.ofNullable(byName.get(ImageReference.parse(name).toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<Image> status(String name) {
        return find(name).map(i -> images.get(i.id()));
    }

    List<Image> list() {
        return List.copyOf(images.values());
    }

    void remove(String name) {
        find(name).ifPresent(image -> {
            byName.values().removeIf(i -> i.id().equals(image.id()));
            images.remove(image.id());
        });
    }
}
