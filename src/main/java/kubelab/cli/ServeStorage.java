package kubelab.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kubelab.apiserver.encryption.EncryptingStore;
import kubelab.apiserver.encryption.EncryptionConfiguration;
import kubelab.store.HandOffStore;
import kubelab.store.MemoryStore;
import kubelab.store.Store;
import kubelab.store.durable.DurableStore;
import kubelab.store.etcd.EtcdStore;

/**
 * Where {@code kubelab serve} keeps the cluster's state, from its {@code --store} option:
 * {@code memory} (gone when the process ends), {@code durable} (a write-ahead log and snapshots
 * under the data directory; the default when {@code --data-dir} is given) or
 * {@code etcd=URL[,URL...]} (a real etcd, which several servers may share). Secrets are encrypted
 * at rest in every store, with the keys of an EncryptionConfiguration file.
 *
 * <p>Real Kubernetes: kube-apiserver's {@code --etcd-servers} and
 * {@code --encryption-provider-config}; it has no embedded store.
 */
final class ServeStorage {
    /** The durable store's folder inside the data directory. */
    static final String STORE_DIR = "store";

    /** What {@code --store} asked for. */
    sealed interface Choice permits Memory, Durable, Etcd {
    }

    record Memory() implements Choice {
    }

    record Durable(Path dir) implements Choice {
    }

    record Etcd(List<URI> endpoints) implements Choice {
    }

    /**
     * An open store, and what to tell the user about it.
     *
     * @param store      what the API server writes to: Secret encryption over the backend
     * @param handOff    the hand-off of a remote store's watch events to the cluster thread, or null
     * @param persistent whether the state outlives the process
     * @param shared     whether other servers may share it (then leaders are elected)
     */
    record Opened(EncryptingStore store, HandOffStore handOff, String description,
                  boolean persistent, boolean shared) {
    }

    private ServeStorage() {
    }

    /**
     * Reads {@code --store}. Without it: durable when {@code --data-dir} was given, else memory.
     *
     * @throws IllegalArgumentException with a message naming the option, for a value it cannot use
     */
    static Choice parse(String option, Path dataDir, boolean dataDirGiven) {
        if (option == null) {
            return dataDirGiven ? new Durable(dataDir.resolve(STORE_DIR)) : new Memory();
        }
        if (option.equals("memory")) {
            return new Memory();
        }
        if (option.equals("durable")) {
            return new Durable(dataDir.resolve(STORE_DIR));
        }
        if (option.startsWith("etcd=")) {
            List<URI> endpoints = new ArrayList<>();
            for (String s : option.substring("etcd=".length()).split(",")) {
                URI uri;
                try {
                    uri = URI.create(s.trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--store etcd=...: '" + s + "' must look like http://127.0.0.1:2379 (it is not a URL)");
                }
                if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                    throw new IllegalArgumentException("--store etcd=...: '" + s
                            + "' must look like http://127.0.0.1:2379 (plain http, with host and port)");
                }
                endpoints.add(uri);
            }
            return new Etcd(List.copyOf(endpoints));
        }
        throw new IllegalArgumentException("--store must be memory, durable or etcd=http://HOST:PORT[,...], got '" + option + "'");
    }

    /**
     * Opens the chosen store, behind Secret encryption with {@code encryption}.
     *
     * @throws kubelab.store.StoreException if the store cannot be opened (the message says why)
     */
    static Opened open(Choice choice, EncryptionConfiguration encryption) throws java.io.IOException {
        if (choice instanceof Memory) {
            EncryptingStore store = EncryptingStore.wrap(new MemoryStore(), encryption);
            return new Opened(store, null, "in memory (gone when the server stops)", false, false);
        }
        if (choice instanceof Durable d) {
            EncryptingStore store = EncryptingStore.wrap(DurableStore.open(d.dir()), encryption);
            return new Opened(store, null, "durable, in " + d.dir() + " (a write-ahead log and snapshots)", true, false);
        }
        Etcd e = (Etcd) choice;
        // etcd's events arrive on the client's threads: handed to the cluster thread once it runs.
        HandOffStore handOff = new HandOffStore(EtcdStore.connect(e.endpoints(), ""));
        EncryptingStore store = EncryptingStore.wrap(handOff, encryption);
        return new Opened(store, handOff, "etcd at " + String.join(",", e.endpoints().stream().map(URI::toString).toList()),
                true, true);
    }
}
