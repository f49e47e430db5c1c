package kubelab.apiserver.encryption;

import static kubelab.apiserver.encryption.EncryptionAtRestTest.IDENTITY;
import static kubelab.apiserver.encryption.EncryptionAtRestTest.KEY1;
import static kubelab.apiserver.encryption.EncryptionAtRestTest.KEY2;
import static kubelab.apiserver.encryption.EncryptionAtRestTest.aesgcm;
import static kubelab.apiserver.encryption.EncryptionAtRestTest.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.core.Secret;
import kubelab.apiserver.ApiServer;
import kubelab.store.MemoryStore;
import kubelab.store.StoreException;
import kubelab.store.WatchEvent;
import kubelab.store.WatchListener;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rotating the encryption key as the Kubernetes task does it, with an API server "restarted" (built
 * again over the same store) after each change of the configuration file.
 */
class KeyRotationTest {
    final MemoryStore memory = new MemoryStore();

    EncryptingStore store;
    private ApiServer api;

    /** A new configuration takes effect when the API server restarts; the store keeps its data. */
    void restartWith(EncryptionConfiguration config) {
        store = EncryptingStore.wrap(memory, config);
        api = null;
    }

    /** The API server over the current store, started on first use (its watch caches read every Secret). */
    ApiServer api() {
        if (api == null) {
            api = new ApiServer(store, Scheme.standard(), new SimulatedLoop(1));
        }
        return api;
    }

    String storedPrefix(String name) {
        String stored = memory.get("/registry/secrets/default/" + name).orElseThrow().valueAsString();
        return stored.substring(0, "k8s:enc:aesgcm:v1:key1:".length());
    }

    String password(String name) {
        return api().get(Secret.class, "default", name).stringValue("password");
    }

    @Test
    @DisplayName("key rotation: add key2 second, move it first, rewrite every Secret, remove key1; every Secret stays readable")
    void keyRotationEndToEnd() {
        restartWith(aesgcm(KEY1, IDENTITY));
        api().create(secret("a", "alpha"));
        api().create(secret("b", "bravo"));

        // 1. key2 is added second: every API server can read it before any writes with it.
        restartWith(aesgcm(KEY1 + KEY2, IDENTITY));
        api().create(secret("c", "charlie"));
        assertThat(storedPrefix("c")).isEqualTo("k8s:enc:aesgcm:v1:key1:");

        // 2. key2 moves first: new writes use it, values under key1 still read.
        restartWith(aesgcm(KEY2 + KEY1, IDENTITY));
        Secret a = api().get(Secret.class, "default", "a");
        api().update(new Secret(a.apiVersion(), a.kind(), a.metadata().withLabel("rotated", "by-update"),
                a.immutable(), a.data(), a.stringData(), a.type()));
        assertThat(storedPrefix("a")).as("every update re-encrypts with the first key").isEqualTo("k8s:enc:aesgcm:v1:key2:");
        assertThat(storedPrefix("b")).isEqualTo("k8s:enc:aesgcm:v1:key1:");
        assertThat(List.of(password("a"), password("b"), password("c"))).containsExactly("alpha", "bravo", "charlie");

        // 3. Every Secret is rewritten, so none is left under key1.
        assertThat(store.rewriteStale()).isEqualTo(2);
        assertThat(List.of(storedPrefix("a"), storedPrefix("b"), storedPrefix("c")))
                .containsOnly("k8s:enc:aesgcm:v1:key2:");

        // 4. key1 goes: nothing needs it any more.
        restartWith(aesgcm(KEY2, IDENTITY));
        assertThat(List.of(password("a"), password("b"), password("c"))).containsExactly("alpha", "bravo", "charlie");
    }

    @Test
    @DisplayName("removing the old key before rewriting leaves the Secrets still under it unreadable, with the key named")
    void removingTheKeyTooEarly() {
        restartWith(aesgcm(KEY1, ""));
        api().create(secret("a", "alpha"));

        restartWith(aesgcm(KEY2, ""));

        assertThatThrownBy(() -> store.get("/registry/secrets/default/a")).isInstanceOf(DecryptionException.class)
                .hasMessageContaining("aesgcm key \"key1\"");
        assertThatThrownBy(store::rewriteStale).isInstanceOf(DecryptionException.class);
    }

    @Test
    @DisplayName("watch events carry decrypted values, previous values included, whichever key wrote them")
    void watchEventsAreDecrypted() {
        restartWith(aesgcm(KEY1, ""));
        var v1 = store.create("/registry/secrets/default/a", "v1".getBytes());
        restartWith(aesgcm(KEY2 + KEY1, ""));
        var v2 = store.update("/registry/secrets/default/a", "v2".getBytes(), v1.modRevision());
        store.delete("/registry/secrets/default/a", 0);
        List<WatchEvent> events = new ArrayList<>();

        store.watch("/registry/secrets/", 1, events::add);

        assertThat(events).extracting(e -> e.kv().valueAsString()).containsExactly("v1", "v2", "");
        assertThat(events).extracting(e -> e.prevKv() == null ? null : e.prevKv().valueAsString())
                .containsExactly(null, "v1", "v2");
        assertThat(events.get(1).kv()).isEqualTo(v2);
    }

    @Test
    @DisplayName("a watch that meets a value it cannot decrypt ends, telling its listener which key is missing")
    void watchEndsOnUndecryptableValue() {
        restartWith(aesgcm(KEY1, ""));
        store.create("/registry/secrets/default/a", "v1".getBytes());
        restartWith(aesgcm(KEY2, ""));
        List<WatchEvent> events = new ArrayList<>();
        List<StoreException> closed = new ArrayList<>();

        store.watch("/registry/secrets/", 1, new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                events.add(event);
            }

            @Override
            public void onClose(StoreException cause) {
                closed.add(cause);
            }
        });
        store.create("/registry/secrets/default/b", "later".getBytes());

        assertThat(events).isEmpty();
        assertThat(closed).singleElement().isInstanceOf(StoreException.Unavailable.class)
                .satisfies(e -> assertThat(e).hasMessageContaining("aesgcm key \"key1\""));
        assertThat(memory.watchCount()).as("the watch underneath is closed too").isZero();
    }
}
