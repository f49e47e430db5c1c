package kubelab.apiserver.encryption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kubelab.apiserver.encryption.EncryptionConfiguration.ResourceConfiguration;
import kubelab.apiserver.registry.Keys;
import kubelab.store.Deleted;
import kubelab.store.ForwardingStore;
import kubelab.store.KeyValue;
import kubelab.store.RangeResult;
import kubelab.store.Store;
import kubelab.store.StoreException;
import kubelab.store.StoreWatch;
import kubelab.store.WatchEvent;
import kubelab.store.WatchListener;

/**
 * A {@link Store} that encrypts the values of chosen resources on their way into any other store,
 * and decrypts them on their way out, so the API server above sees plain JSON and the store below
 * (in memory, a write-ahead log on disk, a real etcd) holds only ciphertext.
 *
 * <p>Which keys: those under a configured resource's prefix, {@code /registry/secrets/} for
 * {@code secrets} ({@code deployments.apps} maps to {@code /registry/deployments/}, since the key
 * layout has no group). Everything else, and all revisions, errors and watch semantics, pass
 * through untouched: the store contract holds as it does for the store underneath.
 *
 * <p>Both directions: values written by {@link #create} and {@link #update}; every
 * {@link KeyValue} that comes back (reads, ranges, write results, the last value of a delete, the
 * current value in a {@link StoreException.RevisionMismatch}, and watch events with their previous
 * values). A value that cannot be decrypted raises {@link DecryptionException} from a read; a watch
 * that meets one ends with {@link StoreException.Unavailable} naming it.
 *
 * <p>Real Kubernetes: the {@code transformer} that {@code k8s.io/apiserver/pkg/storage/etcd3}
 * applies to every value it reads or writes, chosen per resource from {@code --encryption-provider-config}.
 */
public final class EncryptingStore extends ForwardingStore {
    private final Store inner;
    // "/registry/secrets/" -> the transformer of the entry that lists secrets
    private final Map<String, ValueTransformer> byPrefix;

    private EncryptingStore(Store inner, Map<String, ValueTransformer> byPrefix) {
        super(inner);
        this.inner = inner;
        this.byPrefix = Map.copyOf(byPrefix);
    }

    /**
     * {@code inner}, with the resources {@code config} lists encrypted at rest. Wrap the store the
     * API server uses, whatever its backend, before anything reads or writes it.
     */
    public static EncryptingStore wrap(Store inner, EncryptionConfiguration config) {
        Map<String, ValueTransformer> byPrefix = new LinkedHashMap<>();
        for (ResourceConfiguration entry : config.resources()) {
            PrefixTransformer transformer = new PrefixTransformer(String.join(", ", entry.resources()), entry.providers());
            for (String resource : entry.resources()) {
                byPrefix.putIfAbsent(storagePrefix(resource), transformer);
            }
        }
        return new EncryptingStore(inner, byPrefix);
    }

    /** Where a resource's objects live: {@code secrets} gives {@code /registry/secrets/}, {@code deployments.apps} {@code /registry/deployments/}. */
    public static String storagePrefix(String resource) {
        return Keys.ROOT + EncryptionConfigParser.plural(resource) + "/";
    }

    /** The store underneath, which holds the encrypted bytes. */
    public Store inner() {
        return inner;
    }

    /** The transformer for a storage key, if its resource is configured. */
    public Optional<ValueTransformer> transformerFor(String key) {
        if (!key.startsWith(Keys.ROOT)) {
            return Optional.empty();
        }
        int slash = key.indexOf('/', Keys.ROOT.length());
        return slash < 0 ? Optional.empty() : Optional.ofNullable(byPrefix.get(key.substring(0, slash + 1)));
    }

    /**
     * Rewrites every configured value not written the way a write would write it now (a key that
     * is no longer first, or a plain value where encryption is now first): the step of a key
     * rotation that lets the old key be removed. Each rewrite is a compare-and-swap update, so it
     * is a new revision and watchers see it; a key written or deleted meanwhile is left alone,
     * since that write already used the current key.
     *
     * @return how many values were rewritten
     * @throws DecryptionException if a stale value cannot be read with the configured keys
     */
    public int rewriteStale() {
        int rewritten = 0;
        for (var entry : byPrefix.entrySet()) {
            ValueTransformer transformer = entry.getValue();
            for (KeyValue kv : inner.range(entry.getKey()).kvs()) {
                if (!transformer.isStale(kv.value())) {
                    continue;
                }
                byte[] plain = transformer.fromStorage(kv.value(), kv.key());
                try {
                    inner.update(kv.key(), transformer.toStorage(plain, kv.key()), kv.modRevision());
                    rewritten++;
                } catch (StoreException.RevisionMismatch | StoreException.KeyNotFound movedOn) {
                    // written or deleted since the range: nothing stale left to rewrite
                }
            }
        }
        return rewritten;
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return inner.get(key).map(this::decrypt);
    }

    @Override
    public Optional<KeyValue> get(String key, long revision) {
        return inner.get(key, revision).map(this::decrypt);
    }

    @Override
    public RangeResult range(String prefix, String startKey, long revision, int limit) {
        RangeResult result = inner.range(prefix, startKey, revision, limit);
        List<KeyValue> kvs = new ArrayList<>(result.kvs().size());
        result.kvs().forEach(kv -> kvs.add(decrypt(kv)));
        return new RangeResult(kvs, result.revision(), result.more());
    }

    @Override
    public KeyValue create(String key, byte[] value) {
        KeyValue written = inner.create(key, encrypt(key, value));
        return withValue(written, value.clone());
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        try {
            KeyValue written = inner.update(key, encrypt(key, value), expectedModRevision);
            return withValue(written, value.clone());
        } catch (StoreException.RevisionMismatch e) {
            throw new StoreException.RevisionMismatch(key, expectedModRevision, decrypt(e.current()));
        }
    }

    @Override
    public Deleted delete(String key, long expectedModRevision) {
        try {
            Deleted deleted = inner.delete(key, expectedModRevision);
            return new Deleted(decrypt(deleted.prevKv()), deleted.revision());
        } catch (StoreException.RevisionMismatch e) {
            throw new StoreException.RevisionMismatch(key, expectedModRevision, decrypt(e.current()));
        }
    }

    @Override
    public StoreWatch watch(String prefix, long fromRevision, WatchListener listener) {
        DecryptingListener decrypting = new DecryptingListener(listener);
        StoreWatch watch = inner.watch(prefix, fromRevision, decrypting);
        decrypting.started(watch);
        return watch;
    }

    @Override
    public String toString() {
        return "EncryptingStore[" + byPrefix.keySet() + " over " + inner + "]";
    }

    private byte[] encrypt(String key, byte[] value) {
        ValueTransformer transformer = transformerFor(key).orElse(null);
        return transformer == null ? value : transformer.toStorage(value, key);
    }

    private KeyValue decrypt(KeyValue kv) {
        if (kv == null) {
            return null;
        }
        ValueTransformer transformer = transformerFor(kv.key()).orElse(null);
        return transformer == null ? kv : withValue(kv, transformer.fromStorage(kv.value(), kv.key()));
    }

    private static KeyValue withValue(KeyValue kv, byte[] value) {
        return new KeyValue(kv.key(), value, kv.createRevision(), kv.modRevision(), kv.version());
    }

    /**
     * Decrypts each event before the caller's listener sees it. A value that cannot be decrypted
     * ends the watch, as a broken stream would: the listener hears {@code onClose} with the reason,
     * then nothing more, and can list again (where the read fails with the same reason).
     */
    private final class DecryptingListener implements WatchListener {
        private final WatchListener listener;
        private StoreWatch watch;
        private boolean ended;

        DecryptingListener(WatchListener listener) {
            this.listener = listener;
        }

        @Override
        public void onEvent(WatchEvent event) {
            if (isEnded()) {
                return;
            }
            WatchEvent plain;
            try {
                // A DELETE's kv is etcd's tombstone (no value); its last value is prevKv.
                KeyValue kv = event.type() == WatchEvent.Type.DELETE ? event.kv() : decrypt(event.kv());
                plain = new WatchEvent(event.type(), kv, decrypt(event.prevKv()));
            } catch (DecryptionException e) {
                StoreWatch toClose;
                synchronized (this) {
                    ended = true;
                    toClose = watch;
                }
                if (toClose != null) {
                    toClose.close();
                }
                listener.onClose(new StoreException.Unavailable(e.getMessage()));
                return;
            }
            listener.onEvent(plain);
        }

        @Override
        public void onClose(StoreException cause) {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
            }
            listener.onClose(cause);
        }

        private synchronized boolean isEnded() {
            return ended;
        }

        /** The inner watch is known once {@code watch} returns; replay may have failed before. */
        void started(StoreWatch started) {
            boolean closeNow;
            synchronized (this) {
                watch = started;
                closeNow = ended;
            }
            if (closeNow) {
                started.close();
            }
        }
    }
}
