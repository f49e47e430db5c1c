package kubelab.api.serialization;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.meta.KubeObject;

/**
 * Turns {@link Manifest}s into typed objects: reads {@code apiVersion} and {@code kind}, looks the
 * type up in a {@link Scheme}, and decodes with {@link Decoder}, keeping each object's warnings.
 *
 * <p>Errors name the file, document and line, with kubectl's words:
 * <ul>
 *   <li>{@code Object 'Kind' is missing in '{...}'} (then the same for {@code apiVersion});</li>
 *   <li>{@code no matches for kind "Foo" in version "v1"};</li>
 *   <li>{@code Pod in version "v1" cannot be handled as a Pod: spec.containers[0].ports[0].containerPort: expected an integer, got "eighty"}.</li>
 * </ul>
 *
 * <p>Thread-safe if the scheme is (it is immutable).
 *
 * <p>Real Kubernetes: the REST mapping and decoding steps of {@code kubectl apply}
 * ({@code k8s.io/cli-runtime/pkg/resource.Builder}) and the API server's body decoding.
 */
public final class ObjectDecoder {
    private final Scheme scheme;

    public ObjectDecoder(Scheme scheme) {
        this.scheme = scheme;
    }

    /** Decodes every manifest, stopping at the first one that fails. */
    public List<DecodedObject> decodeAll(List<Manifest> manifests) {
        List<DecodedObject> out = new ArrayList<>(manifests.size());
        for (Manifest m : manifests) {
            out.add(decode(m));
        }
        return out;
    }

    /**
     * Decodes one manifest into the record its kind is registered with.
     *
     * @throws ManifestException if kind or apiVersion is missing or unknown, or a value does not fit
     */
    public DecodedObject decode(Manifest manifest) {
        // Kubernetes checks kind before apiVersion, and quotes the whole object.
        if (manifest.kind().isEmpty()) {
            throw fail(manifest, "Object 'Kind' is missing in '" + Json.toJson(manifest.tree()) + "'");
        }
        if (manifest.apiVersion().isEmpty()) {
            throw fail(manifest, "Object 'apiVersion' is missing in '" + Json.toJson(manifest.tree()) + "'");
        }
        ResourceType type = scheme.byKind(manifest.apiVersion(), manifest.kind()).orElseThrow(() -> fail(manifest,
                "no matches for kind \"" + manifest.kind() + "\" in version \"" + manifest.apiVersion() + "\""));
        try {
            Decoded<? extends KubeObject> decoded = Decoder.decode(manifest.tree(), type.javaType());
            List<String> warnings = new ArrayList<>(manifest.warnings());
            warnings.addAll(decoded.warnings());
            return new DecodedObject(manifest, decoded.value(), warnings);
        } catch (DecodeException e) {
            throw fail(manifest, type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
                    + type.kind() + ": " + e.getMessage());
        }
    }

    private static ManifestException fail(Manifest m, String message) {
        return new ManifestException(m.where() + ": " + message, m.source(), m.line(), 0);
    }
}
