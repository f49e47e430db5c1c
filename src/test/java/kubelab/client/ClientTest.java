package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.WatchEvent;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class ClientTest {

    private final SimulatedLoop loop = new SimulatedLoop(1);
    private final FakeApi api = new FakeApi();
    private final ResourceClient<Thing> things = new Client(api, loop).resources(Thing.class).inNamespace("default");

    @Test
    @DisplayName("create puts an object without a namespace into the client's namespace")
    void createInNamespace() {
        Thing created = things.create(Thing.of(null, "web", "1"));

        assertThat(created.namespace()).isEqualTo("default");
        assertThat(created.resourceVersion()).isEqualTo("1");
        assertThat(things.get("web")).isEqualTo(created);
        assertThat(things.list().items()).containsExactly(created);
    }

    @Test
    @DisplayName("an object that names another namespace than the client's is refused")
    void namespaceMismatch() {
        assertThatThrownBy(() -> things.create(Thing.of("prod", "web", "1")))
                .isInstanceOf(ApiException.class)
                .hasMessage("the namespace of the provided object does not match the namespace sent on the request");
    }

    @Test
    @DisplayName("a client without a namespace takes it from the object")
    void namespaceFromObject() {
        Thing created = new Client(api, loop).resources(Thing.class).create(Thing.of("prod", "web", "1"));

        assertThat(created.namespace()).isEqualTo("prod");
    }

    @Test
    @DisplayName("an update from a stale read is a 409 Conflict")
    void staleUpdateConflicts() {
        Thing read = things.create(Thing.of(null, "web", "1"));
        things.update(read.withSpec("2"));

        assertThatThrownBy(() -> things.update(read.withSpec("3")))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(Retry.isConflict(e)).isTrue())
                .hasMessageContaining("the object has been modified");
    }

    @Test
    @DisplayName("retryOnConflict re-reads and retries after a 409")
    void retryOnConflict() {
        things.create(Thing.of(null, "counter", "0"));
        api.beforeUpdate = this::anotherWriterIncrementsFirst; // our first two writes lose the race

        Thing result = things.retryOnConflict("counter",
                t -> t.withSpec(String.valueOf(Integer.parseInt(t.spec()) + 1)));

        assertThat(result.spec()).isEqualTo("3"); // both increments of the other writer survive, and ours
        assertThat(interferences).isEqualTo(2);
    }

    private int interferences;

    /** Another client increments the counter just before each of our first two updates lands. */
    private void anotherWriterIncrementsFirst() {
        if (interferences < 2) {
            interferences++;
            Runnable saved = api.beforeUpdate;
            api.beforeUpdate = () -> { };
            Thing current = things.get("counter");
            things.update(current.withSpec(String.valueOf(Integer.parseInt(current.spec()) + 1)));
            api.beforeUpdate = saved;
        }
    }

    @Test
    @DisplayName("retryOnConflict gives up after five conflicts and reports the last one")
    void retryGivesUp() {
        things.create(Thing.of(null, "hot", "0"));
        int[] attempts = {0};

        assertThatThrownBy(() -> things.retryOnConflict("hot", t -> {
            attempts[0]++;
            return t.withMetadata(t.metadata().withResourceVersion("0")); // always stale
        })).satisfies(e -> assertThat(Retry.isConflict(e)).isTrue());
        assertThat(attempts[0]).isEqualTo(Retry.DEFAULT_ATTEMPTS);
    }

    @Test
    @DisplayName("watch events are delivered as tasks on the client's loop")
    void watchOnLoop() {
        List<String> seen = new ArrayList<>();
        things.watch(ListOptions.ALL, e -> seen.add(e.type() + " " + ((WatchEvent<Thing>) e).object().name()));

        things.create(Thing.of(null, "web", "1"));
        things.delete("web");
        assertThat(seen).isEmpty();           // not yet: they wait on the loop
        loop.runReady();

        assertThat(seen).containsExactly("ADDED web", "DELETED web");
    }
}
