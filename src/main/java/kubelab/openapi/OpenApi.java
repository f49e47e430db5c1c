package kubelab.openapi;

import com.google.common.base.Suppliers;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import kubelab.api.Scheme;

/**
 * The OpenAPI documents of one {@link Scheme}, as an HTTP server serves them: {@code /openapi/v2}
 * (JSON or protobuf) and {@code /openapi/v3} (discovery, then one JSON document per group
 * version). Each document is built on first use and kept: a scheme never changes, so neither do
 * its documents, their bytes or their hashes.
 *
 * <p>Content types to answer with:
 * <ul>
 *   <li>{@code /openapi/v2} asked for with {@code Accept:
 *       application/com.github.proto-openapi.spec.v2@v1.0+protobuf} (kubectl): {@link #v2Protobuf()}
 *       with {@link #V2_PROTOBUF}. The {@code @} form is not a valid media type, so Kubernetes
 *       answers with the dotted one, and Go's {@code mime} parser in kubectl accepts only that;</li>
 *   <li>{@code /openapi/v2} otherwise: {@link #v2Json()} with {@code application/json};</li>
 *   <li>{@code /openapi/v3} and {@code /openapi/v3/<group version>}: {@code application/json}, with
 *       the hash as a quoted {@code ETag}.</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code k8s.io/kube-openapi/pkg/handler} (v2) and {@code pkg/handler3} (v3),
 * installed by {@code k8s.io/apiserver/pkg/server/routes/openapi.go}.
 */
public final class OpenApi {
    /** The content type of the protobuf v2 document, as a real API server sends it. */
    public static final String V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
    /** The media type kubectl puts in {@code Accept} for the protobuf v2 document. */
    public static final String V2_PROTOBUF_ACCEPT = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    /**
     * How the documents are built.
     *
     * @param version         {@code info.version} of the v2 document: the server's {@code gitVersion}
     * @param fieldValidation true if writes list the {@code fieldValidation} query parameter, which
     *                        tells kubectl 1.25+ to leave field validation to the server (it then
     *                        sends {@code fieldValidation=Strict}); false makes it validate on the
     *                        client against {@code /openapi/v2}
     */
    public record Options(String version, boolean fieldValidation) {
        public Options {
            Objects.requireNonNull(version, "version");
        }

        /** Version {@code unversioned}, server-side field validation advertised. */
        public static Options defaults() {
            return new Options("unversioned", true);
        }
    }

    // Weak keys compare by identity, which is what a Scheme has; a test's scheme is not kept alive.
    private static final Cache<Scheme, Map<Options, OpenApi>> CACHE = CacheBuilder.newBuilder().weakKeys().build();

    private final Supplier<OpenApiV2> v2;
    private final Supplier<OpenApiV3> v3;

    private OpenApi(Scheme scheme, Options options) {
        this.v2 = Suppliers.memoize(() -> new OpenApiV2(scheme, options.version(), options.fieldValidation()));
        this.v3 = Suppliers.memoize(() -> new OpenApiV3(scheme, v2.get()));
    }

    /** The documents of a scheme with {@link Options#defaults()}; the same instance every time. */
    public static OpenApi forScheme(Scheme scheme) {
        return forScheme(scheme, Options.defaults());
    }

    /** The documents of a scheme built with these options; the same instance for the same pair. */
    public static OpenApi forScheme(Scheme scheme, Options options) {
        Objects.requireNonNull(scheme, "scheme");
        Map<Options, OpenApi> byOptions = CACHE.asMap().computeIfAbsent(scheme, s -> new ConcurrentHashMap<>());
        return byOptions.computeIfAbsent(options, o -> new OpenApi(scheme, o));
    }

    /** The v2 document. */
    public OpenApiV2 v2() {
        return v2.get();
    }

    /** The v3 documents. */
    public OpenApiV3 v3() {
        return v3.get();
    }

    /** {@code /openapi/v2} as JSON bytes (send as {@code application/json}). */
    public byte[] v2Json() {
        return v2().jsonBytes();
    }

    /** {@code /openapi/v2} as gnostic protobuf (send as {@link #V2_PROTOBUF}). */
    public byte[] v2Protobuf() {
        return v2().protobuf();
    }

    /** {@code /openapi/v3}: the discovery document (JSON). */
    public byte[] v3Discovery() {
        return v3().discovery();
    }

    /** {@code /openapi/v3/<groupVersionPath>}, e.g. {@code apis/apps/v1}: the document (JSON), if served. */
    public Optional<byte[]> v3(String groupVersionPath) {
        return v3().document(groupVersionPath);
    }

    /**
     * The hash of a v3 document: send it as a quoted {@code ETag}. Kubernetes answers a request whose
     * {@code ?hash=} differs with a 301 to the current URL, and one that matches with
     * {@code Cache-Control: public, immutable}.
     */
    public Optional<String> v3Hash(String groupVersionPath) {
        return v3().hash(groupVersionPath);
    }
}
