package kubelab.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import kubelab.store.Deleted;
import kubelab.store.KeyValue;
import kubelab.store.RangeResult;
import kubelab.store.Store;
import kubelab.store.StoreException;
import kubelab.store.StoreWatch;
import kubelab.store.WatchListener;

/**
 * The store on a real etcd (3.4 or later), through etcd's Java client, jetcd. The mapping is the
 * one the API server's {@code etcd3} storage uses:
 * <ul>
 *   <li>a key's modRevision is etcd's {@code mod_revision}, and so the object's resourceVersion;</li>
 *   <li>create is a transaction: if {@code create_revision(key) == 0} then put, else read;</li>
 *   <li>update and delete compare {@code mod_revision(key)} with the revision the caller read;
 *       when the compare fails, the else branch reads the current value for the 409;</li>
 *   <li>a range is a range read with a limit, at a revision; a watch starts from a revision,
 *       with the previous values;</li>
 *   <li>a compacted revision is etcd's {@code ErrCompacted}, which the API server turns into 410.</li>
 * </ul>
 * Every call waits at most {@value #TIMEOUT_SECONDS} s; an etcd that does not answer is
 * {@link StoreException.Unavailable}, naming the endpoints.
 *
 * <p>etcd 3.4 does not say how far it was compacted; this store knows the compactions it made and
 * those etcd reported to it, which is what the contract's checks need.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/storage/etcd3} ({@code store.go}, {@code watcher.go}).
 */
public final class EtcdStore implements Store {
    static final int TIMEOUT_SECONDS = 5;

    private final Client client;
    private final KV kv;
    private final String root;
    private final String endpoints;
    private final AtomicLong compacted = new AtomicLong();
    private final Set<EtcdWatch> watches = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private EtcdStore(Client client, String root, String endpoints) {
        this.client = client;
        this.kv = client.getKVClient();
        this.root = root;
        this.endpoints = endpoints;
    }

    /**
     * Connects to etcd and checks that it answers.
     *
     * @param root a prefix for every key, as kube-apiserver's {@code --etcd-prefix} ("" for none)
     * @throws StoreException.Unavailable if no endpoint answers
     */
    public static EtcdStore connect(List<URI> endpoints, String root) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no etcd endpoint given");
        }
        Client client = Client.builder().endpoints(endpoints).connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .retryMaxDuration(Duration.ofSeconds(TIMEOUT_SECONDS)).build();
        EtcdStore store = new EtcdStore(client, root, String.join(",", endpoints.stream().map(URI::toString).toList()));
        try {
            store.currentRevision();
        } catch (StoreException e) {
            client.close();
            throw e;
        }
        return store;
    }

    /** The endpoints, for messages. */
    public String endpoints() {
        return endpoints;
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public long currentRevision() {
        GetResponse r = call("a read", kv.get(bytes(root + "/"), GetOption.builder().withCountOnly(true).build()), 0);
        return r.getHeader().getRevision();
    }

    @Override
    public long compactedRevision() {
        return compacted.get();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return get(key, 0);
    }

    @Override
    public Optional<KeyValue> get(String key, long revision) {
        checkReadable(revision);
        GetOption.Builder option = GetOption.builder();
        if (revision > 0) {
            option.withRevision(revision);
        }
        GetResponse r = call("a get of " + key, kv.get(bytes(root + key), option.build()), revision);
        return r.getKvs().isEmpty() ? Optional.empty() : Optional.of(convert(r.getKvs().get(0)));
    }

    @Override
    public RangeResult range(String prefix, String startKey, long revision, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        checkReadable(revision);
        String from = startKey != null && startKey.compareTo(prefix) > 0 ? startKey : prefix;
        GetOption.Builder option = GetOption.builder().withRange(prefixEnd(root + prefix))
                .withSortField(GetOption.SortTarget.KEY).withSortOrder(GetOption.SortOrder.ASCEND);
        if (revision > 0) {
            option.withRevision(revision);
        }
        if (limit > 0) {
            option.withLimit(limit);
        }
        GetResponse r = call("a range read of " + prefix, kv.get(bytes(root + from), option.build()), revision);
        List<KeyValue> found = new ArrayList<>(r.getKvs().size());
        r.getKvs().forEach(k -> found.add(convert(k)));
        return new RangeResult(found, revision > 0 ? revision : r.getHeader().getRevision(), r.isMore());
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public KeyValue create(String key, byte[] value) {
        ByteSequence k = bytes(root + key);
        TxnResponse r = call("a create of " + key, kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                .Then(Op.put(k, ByteSequence.from(value), PutOption.DEFAULT))
                .commit(), 0);
        if (!r.isSucceeded()) {
            throw new StoreException.KeyExists(key);
        }
        long revision = r.getHeader().getRevision();
        return new KeyValue(key, value.clone(), revision, revision, 1);
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        ByteSequence k = bytes(root + key);
        TxnResponse r = call("an update of " + key, kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)),
                        new Cmp(k, Cmp.Op.GREATER, CmpTarget.createRevision(0)))
                .Then(Op.put(k, ByteSequence.from(value), PutOption.builder().withPrevKV().build()))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit(), 0);
        if (!r.isSucceeded()) {
            throw mismatch(key, expectedModRevision, r);
        }
        KeyValue before = convert(r.getPutResponses().get(0).getPrevKv());
        return new KeyValue(key, value.clone(), before.createRevision(), r.getHeader().getRevision(), before.version() + 1);
    }

    @Override
    public Deleted delete(String key, long expectedModRevision) {
        ByteSequence k = bytes(root + key);
        Cmp compare = expectedModRevision == 0 ? new Cmp(k, Cmp.Op.GREATER, CmpTarget.createRevision(0))
                : new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision));
        TxnResponse r = call("a delete of " + key, kv.txn()
                .If(compare)
                .Then(Op.delete(k, DeleteOption.builder().withPrevKV(true).build()))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit(), 0);
        if (!r.isSucceeded()) {
            throw mismatch(key, expectedModRevision, r);
        }
        return new Deleted(convert(r.getDeleteResponses().get(0).getPrevKvs().get(0)), r.getHeader().getRevision());
    }

    private StoreException mismatch(String key, long expected, TxnResponse r) {
        List<io.etcd.jetcd.KeyValue> current = r.getGetResponses().isEmpty() ? List.of() : r.getGetResponses().get(0).getKvs();
        if (current.isEmpty()) {
            return new StoreException.KeyNotFound(key);
        }
        return new StoreException.RevisionMismatch(key, expected, convert(current.get(0)));
    }

    @Override
    public void compact(long revision) {
        if (revision <= compacted.get()) {
            throw new IllegalArgumentException("mvcc: required revision has been compacted (asked " + revision
                    + ", compacted revision " + compacted.get() + ")");
        }
        long current = currentRevision();
        if (revision > current) {
            throw new IllegalArgumentException("mvcc: required revision is a future revision (asked " + revision
                    + ", current revision " + current + ")");
        }
        try {
            call("a compaction", kv.compact(revision), revision);
        } catch (StoreException.Compacted e) {
            throw new IllegalArgumentException("mvcc: required revision has been compacted (asked " + revision
                    + ", compacted revision " + compacted.get() + ")");
        }
        compacted.accumulateAndGet(revision, Math::max);
    }

    // ---- watch -------------------------------------------------------------------------------

    @Override
    public StoreWatch watch(String prefix, long fromRevision, WatchListener listener) {
        if (fromRevision < 0) {
            throw new IllegalArgumentException("fromRevision must not be negative: " + fromRevision);
        }
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        long current = currentRevision();
        long from = fromRevision == 0 ? current + 1 : fromRevision;
        if (from <= current) {
            checkReadable(from);
            // etcd reports a compacted start only later, on the stream: ask now, so the caller hears at once.
            call("a read at revision " + from, kv.get(bytes(root + prefix), GetOption.builder().withRevision(from)
                    .withCountOnly(true).build()), from);
        }
        EtcdWatch watch = new EtcdWatch(this, prefix, from, listener);
        watches.add(watch);
        watch.start(client.getWatchClient(), bytes(root + prefix), prefixEnd(root + prefix));
        return watch;
    }

    void ended(EtcdWatch watch) {
        watches.remove(watch);
    }

    void learnCompacted(long revision) {
        compacted.accumulateAndGet(revision, Math::max);
    }

    // ---- plumbing ----------------------------------------------------------------------------

    /** Ends every watch (their listeners hear {@code Unavailable}) and closes the client. Twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (EtcdWatch w : List.copyOf(watches)) {
            w.end(new StoreException.Unavailable("store closed"));
        }
        client.close();
    }

    private void checkReadable(long revision) {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (revision > 0 && revision <= compacted.get()) {
            throw new StoreException.Compacted(revision, compacted.get());
        }
    }

    /** Waits for an etcd call, turning its failures into the store's exceptions. */
    private <T> T call(String what, CompletableFuture<T> future, long revision) {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), what, revision);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StoreException.Unavailable("etcd at " + endpoints + " did not answer " + what + " within "
                    + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException.Unavailable("interrupted while waiting for etcd at " + endpoints);
        }
    }

    StoreException translate(Throwable cause, String what, long revision) {
        if (cause instanceof CompactedException c) {
            learnCompacted(c.getCompactedRevision());
            return new StoreException.Compacted(revision, Math.max(c.getCompactedRevision(), compacted.get()));
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("future revision")) {
            GetResponse r = call("a read", kv.get(bytes(root + "/"), GetOption.builder().withCountOnly(true).build()), 0);
            return new StoreException.FutureRevision(revision, r.getHeader().getRevision());
        }
        if (message.contains("required revision has been compacted")) {
            return new StoreException.Compacted(revision, compacted.get());
        }
        return new StoreException.Unavailable("etcd at " + endpoints + " failed " + what + ": " + message);
    }

    KeyValue convert(io.etcd.jetcd.KeyValue k) {
        String key = k.getKey().toString(StandardCharsets.UTF_8);
        return new KeyValue(key.substring(root.length()), k.getValue().getBytes(), k.getCreateRevision(), k.getModRevision(),
                k.getVersion());
    }

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    /** The first key after every key starting with {@code prefix}: its last byte plus one. */
    static ByteSequence prefixEnd(String prefix) {
        byte[] b = prefix.getBytes(StandardCharsets.UTF_8);
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] != (byte) 0xff) {
                byte[] end = java.util.Arrays.copyOf(b, i + 1);
                end[i]++;
                return ByteSequence.from(end);
            }
        }
        return ByteSequence.from(new byte[] {0});   // every key: etcd's "\0" range end
    }

    @Override
    public String toString() {
        return "EtcdStore[" + endpoints + (root.isEmpty() ? "" : ", root " + root) + "]";
    }
}
