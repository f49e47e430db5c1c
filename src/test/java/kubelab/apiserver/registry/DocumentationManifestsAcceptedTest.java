package kubelab.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kubelab.api.Scheme;
import kubelab.api.core.Namespace;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.DecodedObject;
import kubelab.api.serialization.ManifestReader;
import kubelab.api.serialization.ObjectDecoder;
import kubelab.apiserver.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every manifest of the Kubernetes documentation's examples passes the strategies, as it passes
 * a real API server: a manifest the documentation applies can never be refused by a rule here.
 */
@Tag("chapter1")
class DocumentationManifestsAcceptedTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    private static List<DecodedObject> manifests() {
        return new ObjectDecoder(Scheme.standard()).decodeAll(ManifestReader.read(EXAMPLES, true));
    }

    /** Creates the object, or updates the stored one as {@code kubectl apply} would (deployment-update.yaml). */
    private static KubeObject apply(ApiTestServer server, KubeObject object) {
        try {
            return server.api.create(object);
        } catch (ApiException e) {
            if (e.code() != 409) {
                throw e;
            }
            KubeObject stored = server.api.get(object.getClass(), object.namespace(), object.name());
            return server.api.update(object.withMetadata(object.metadata()
                    .withResourceVersion(stored.metadata().resourceVersion())));
        }
    }

    @TestFactory
    @DisplayName("each documentation manifest file is accepted by a fresh API server")
    Stream<DynamicTest> eachAccepted() {
        Map<String, List<DecodedObject>> byFile = new LinkedHashMap<>();
        for (DecodedObject d : manifests()) {
            byFile.computeIfAbsent(d.manifest().source(), f -> new ArrayList<>()).add(d);
        }
        return byFile.entrySet().stream().map(file -> DynamicTest.dynamicTest(EXAMPLES.relativize(Path.of(file.getKey()))
                .toString(), () -> {
            ApiTestServer server = serverWithNamespaces(file.getValue());
            for (DecodedObject d : file.getValue()) {
                try {
                    KubeObject stored = server.api.create(d.object());
                    assertThat(stored.metadata().uid()).isNotEmpty();
                } catch (ApiException e) {
                    fail(d.manifest().where() + " was refused: " + e.getMessage());
                }
            }
        }));
    }

    @Test
    @DisplayName("deployment-update.yaml applied over deployment.yaml is a valid update: a new generation")
    void rollingUpdateManifests() {
        List<DecodedObject> all = manifests();
        ApiTestServer server = serverWithNamespaces(all);
        KubeObject first = apply(server, find(all, "application/deployment.yaml"));
        KubeObject second = apply(server, find(all, "application/deployment-update.yaml"));

        assertThat(first.metadata().generation()).isEqualTo(1L);
        assertThat(second.metadata().generation()).isEqualTo(2L);
    }

    @Test
    @DisplayName("two manifests that reuse a name in one namespace collide, as they would in a cluster")
    void sameNameCollides() {
        List<DecodedObject> all = manifests();
        ApiTestServer server = serverWithNamespaces(all);
        apply(server, find(all, "application/deployment.yaml"));

        ApiException e = ApiTestServer.refused(() -> apply(server, find(all, "controllers/nginx-deployment.yaml")));

        assertThat(e.getMessage()).endsWith("field is immutable");
    }

    private static KubeObject find(List<DecodedObject> all, String file) {
        return all.stream().filter(d -> Path.of(d.manifest().source()).endsWith(file)).findFirst().orElseThrow().object();
    }

    private static ApiTestServer serverWithNamespaces(List<DecodedObject> objects) {
        ApiTestServer server = new ApiTestServer();
        for (DecodedObject d : objects) {
            String ns = d.object().namespace();
            if (ns != null && !ns.isEmpty()) {
                try {
                    server.api.create(Namespace.named(ns));
                } catch (ApiException e) {
                    assertThat(e.code()).isEqualTo(409);
                }
            }
        }
        return server;
    }
}
