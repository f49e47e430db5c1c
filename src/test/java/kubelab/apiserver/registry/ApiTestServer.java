package kubelab.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.core.Namespace;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.Status;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;

/**
 * Test fixture: a real API server on a simulated loop, objects read from YAML text, and the
 * failure a write ends in. The strategy tests of every group use it.
 */
public final class ApiTestServer {
    public final SimulatedLoop loop = new SimulatedLoop(1);
    public final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);

    /** Reads one object from YAML, as a manifest file holds it. */
    public static <T> T yaml(String text, Class<T> type) {
        try {
            return Json.yamlMapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates namespaces besides the ones every cluster has. */
    public ApiTestServer withNamespaces(String... names) {
        for (String name : names) {
            api.create(Namespace.named(name));
        }
        return this;
    }

    /** The ApiException a write throws; fails the test if it succeeds. */
    public static ApiException refused(Runnable write) {
        ApiException[] caught = new ApiException[1];
        assertThatThrownBy(write::run).isInstanceOfSatisfying(ApiException.class, e -> caught[0] = e);
        return caught[0];
    }

    /** The causes of an Invalid (422) error as {@code field: message} lines. */
    public static List<String> causes(ApiException e) {
        Status.Details details = e.status().details();
        return details == null || details.causes() == null ? List.of()
                : details.causes().stream().map(c -> c.field() + ": " + c.message()).toList();
    }

    /** Creates and returns what the server stored. */
    public <T extends KubeObject> T create(T object) {
        return api.create(object);
    }
}
