package kubelab.apiserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.Binding;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.ObjectReference;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodStatus;
import kubelab.api.fields.FieldSelector;
import kubelab.api.labels.Selector;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.admission.AdmissionChain;
import kubelab.apiserver.admission.AdmissionPlugin;
import kubelab.apiserver.apply.FieldManager;
import kubelab.apiserver.cacher.Cacher;
import kubelab.apiserver.cacher.Filter;
import kubelab.apiserver.registry.IdGenerator;
import kubelab.apiserver.registry.Part;
import kubelab.apiserver.registry.Registry;
import kubelab.apiserver.registry.Strategies;
import kubelab.apiserver.registry.Strategy;
import kubelab.store.Store;
import kubelab.time.EventLoop;

/**
 * The API server: the cluster's only door to the store. It serves every resource of its
 * {@link Scheme} through one generic {@link Registry} per type, runs writes through admission and
 * validation, and feeds every watch from a per-resource watch cache.
 *
 * <p>On start it creates the namespaces every cluster has ({@code default}, {@code kube-system},
 * {@code kube-public}, {@code kube-node-lease}), and it keeps two timers on its loop: BOOKMARK
 * events to the watches that asked for them, every minute, and store compaction every five
 * minutes, of what was history five minutes before.
 *
 * <p>Real Kubernetes: {@code kube-apiserver} ({@code k8s.io/apiserver/pkg/server} and
 * {@code pkg/controlplane}), with the bootstrap of system namespaces from
 * {@code pkg/controlplane/controller/systemnamespaces}.
 */
public final class ApiServer implements Api {
    /** Namespaces every cluster has; NamespaceLifecycle refuses to delete the first three. */
    public static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");
    /** How many recent events each resource's watch cache keeps for watches that resume. */
    public static final int DEFAULT_WATCH_WINDOW = 10_000;
    public static final Duration BOOKMARK_INTERVAL = Duration.ofMinutes(1);
    public static final Duration COMPACTION_INTERVAL = Duration.ofMinutes(5);
    /** How soon a watch cache that lost its store watch lists and watches again. */
    static final Duration CACHER_RETRY = Duration.ofSeconds(1);

    private final Store store;
    private final Scheme scheme;
    private final EventLoop loop;
    private final Map<Class<?>, Registry<?>> registries = new LinkedHashMap<>();
    private volatile AdmissionChain admission;
    private final PatchApplier patcher = new PatchApplier();
    private long lastSeenRevision;

    /** An API server over {@code store}, serving {@code scheme}, with the standard admission chain. */
    public ApiServer(Store store, Scheme scheme, EventLoop loop) {
        this(store, scheme, loop, DEFAULT_WATCH_WINDOW);
    }

    public ApiServer(Store store, Scheme scheme, EventLoop loop, int watchWindow) {
        this.store = store;
        this.scheme = scheme;
        this.loop = loop;
        this.admission = StandardAdmission.chain();
        IdGenerator ids = new IdGenerator(loop.random());
        for (ResourceType t : scheme.all()) {
            registries.put(t.javaType(), newRegistry(t, t.javaType(), ids, watchWindow));
        }
        registries.values().forEach(r -> r.cacher().onLost(() -> restartLater(r.cacher())));
        bootstrapNamespaces();
        loop.schedulePeriodic(BOOKMARK_INTERVAL, this::sendBookmarks);
        loop.schedulePeriodic(COMPACTION_INTERVAL, this::compactHistory);
    }

    @SuppressWarnings("unchecked")
    private <T extends KubeObject> Registry<T> newRegistry(ResourceType t, Class<T> javaType, IdGenerator ids,
                                                          int watchWindow) {
        Strategy<T> strategy = (Strategy<T>) Strategies.forType(t);
        return new Registry<>(t, javaType, strategy, store, loop.clock(), ids, () -> admission, this, watchWindow);
    }

    /**
     * A watch cache lost its store watch (a real etcd restarted, or the connection broke): its
     * watchers were told to relist; the cache itself lists and watches again in a second, and
     * every second after that until the store answers (or is found closed for good). Called on
     * the thread that runs the loop: a remote store's events are handed to it ({@code HandOffStore}).
     */
    private void restartLater(kubelab.apiserver.cacher.Cacher<?> cacher) {
        loop.schedule("watch cache: list and watch the store again", CACHER_RETRY, () -> {
            try {
                if (!cacher.restart()) {
                    restartLater(cacher);
                }
            } catch (IllegalStateException closed) {
                // the store was closed for good
            }
        });
    }

    private void bootstrapNamespaces() {
        for (String ns : SYSTEM_NAMESPACES) {
            try {
                create(kubelab.api.core.Namespace.named(ns));
            } catch (ApiException e) {
                if (e.code() != 409) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Scheme scheme() {
        return scheme;
    }

    /** The store behind this server (for notebooks that show etcd's view). */
    public Store store() {
        return store;
    }

    /** The loop watch events are timed on. */
    public EventLoop loop() {
        return loop;
    }

    /** The admission chain, in order. */
    public AdmissionChain admission() {
        return admission;
    }

    /** Adds an admission plug-in at the end of the chain (LimitRanger, ResourceQuota, your own). */
    public void addAdmissionPlugin(AdmissionPlugin plugin) {
        admission = admission.with(plugin);
    }

    /** The registry that serves a kind. */
    @SuppressWarnings("unchecked")
    public <T extends KubeObject> Registry<T> registry(Class<T> type) {
        Registry<T> r = (Registry<T>) registries.get(type);
        if (r == null) {
            throw new ApiException(kubelab.api.meta.Status.failure(404, "NotFound",
                    "the server could not find the requested resource (" + type.getSimpleName() + " is not served)", null));
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private <T extends KubeObject> Class<T> classOf(T object) {
        return (Class<T>) object.getClass();
    }

    /**
     * The namespace a request acts in: the object's or the caller's for namespaced kinds
     * (defaulting to {@code default}, as kubectl's context does), none for cluster-scoped ones.
     */
    private String namespaceFor(ResourceType type, String namespace) {
        if (!type.namespaced()) {
            return null;
        }
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    // ---- the verbs ------------------------------------------------------------------------------

    /** Get, update, patch and delete name one object; Kubernetes' answer when they name none. */
    private static String requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw ApiException.badRequest("resource name may not be empty");
        }
        return name;
    }

    private static String nameOf(KubeObject object) {
        return requireName(object.metadata() == null ? null : object.metadata().name());
    }

    @Override
    public <T extends KubeObject> T create(T object, CreateOptions options) {
        Registry<T> r = registry(classOf(object));
        String ns = object.metadata() == null ? null : object.metadata().namespace();
        FieldManager.checkName("CreateOptions", options.fieldManager());
        return r.create(object, namespaceFor(r.type(), ns), options.dryRun(), UserInfo.SYSTEM,
                manager(options.fieldManager()));
    }

    @Override
    public <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
        Registry<T> r = registry(type);
        return r.get(namespaceFor(r.type(), namespace), requireName(name));
    }

    @Override
    public <T extends KubeObject> ObjectList<T> list(Class<T> type, String namespace, ListOptions options) {
        Registry<T> r = registry(type);
        Filter filter = filter(r, namespace, options);
        if (options.limit() > 0 || options.continueToken() != null) {
            return r.listPage(filter, options);
        }
        // The list is at least as new as the store's revision before it was read (the in-memory store
        // tells the cache of every write before the write returns), so it carries that global
        // revision, as Kubernetes' lists do, or the cache's own if a write slipped in meanwhile.
        long storeRevision = store.currentRevision();
        Cacher.Snapshot<T> snapshot = r.cacher().list(filter);
        long rv = Math.max(storeRevision, snapshot.revision());
        return new ObjectList<>(snapshot.items(), Long.toString(rv), null, null);
    }

    @Override
    public <T extends KubeObject> T update(T object, UpdateOptions options) {
        Registry<T> r = registry(classOf(object));
        nameOf(object);
        FieldManager.checkName("UpdateOptions", options.fieldManager());
        return r.update(object, namespaceFor(r.type(), object.metadata().namespace()), Part.MAIN,
                options.dryRun(), UserInfo.SYSTEM, manager(options.fieldManager()));
    }

    @Override
    public <T extends KubeObject> T updateStatus(T object, UpdateOptions options) {
        Registry<T> r = registry(classOf(object));
        if (!r.type().hasStatus()) {
            throw ApiException.methodNotSupported(r.type().group(), r.type().plural() + "/status", "update");
        }
        nameOf(object);
        FieldManager.checkName("UpdateOptions", options.fieldManager());
        return r.update(object, namespaceFor(r.type(), object.metadata().namespace()), Part.STATUS,
                options.dryRun(), UserInfo.SYSTEM, manager(options.fieldManager()));
    }

    /**
     * The {@code finalize} subresource of a Namespace: sets {@code spec.finalizers}. The namespace
     * controller calls it once the namespace is empty; a terminating namespace whose finalizers
     * are all gone is deleted.
     */
    public kubelab.api.core.Namespace finalizeNamespace(kubelab.api.core.Namespace namespace) {
        Registry<kubelab.api.core.Namespace> r = registry(kubelab.api.core.Namespace.class);
        return r.update(namespace, null, Part.FINALIZE, false, UserInfo.SYSTEM);
    }

    @Override
    public Pod bind(Binding binding) {
        String ns = binding.namespace();
        String podName = requireName(binding.name());
        ObjectReference target = binding.target();
        List<FieldError> errors = new ArrayList<>();
        if (target == null || target.name() == null || target.name().isEmpty()) {
            errors.add(FieldError.required("target.name", ""));
        } else if (target.kind() != null && !target.kind().isEmpty() && !"Node".equals(target.kind())) {
            errors.add(FieldError.notSupported("target.kind", target.kind(), List.of("Node")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("", Binding.KIND, podName, errors);
        }
        Registry<Pod> r = registry(Pod.class);
        String nodeName = target.name();
        return r.guaranteedUpdate(namespaceFor(r.type(), ns), podName, pod -> {
            String uid = binding.metadata().uid();
            if (uid != null && !uid.equals(pod.metadata().uid())) {
                throw ApiException.conflict("", "pods/binding", podName, "Precondition failed: UID in precondition: "
                        + uid + ", UID in object meta: " + pod.metadata().uid());
            }
            if (pod.metadata().deletionTimestamp() != null) {
                throw ApiException.conflict("", "pods/binding", podName,
                        "pod " + podName + " is being deleted, cannot be assigned to a host");
            }
            String current = pod.spec().nodeName();
            if (current != null && !current.isEmpty()) {
                throw ApiException.conflict("", "pods/binding", podName,
                        "pod " + podName + " is already assigned to node \"" + current + "\"");
            }
            PodStatus status = pod.status() == null ? PodStatus.empty() : pod.status();
            return pod.withSpec(pod.spec().withNodeName(nodeName)).withStatus(status.withCondition(
                    PodCondition.of(PodConditionType.POD_SCHEDULED, ConditionStatus.TRUE, loop.clock().now())));
        });
    }

    @Override
    public <T extends KubeObject> T patch(Class<T> type, String namespace, String name, PatchType patchType,
                                          String patch, PatchOptions options) {
        Registry<T> r = registry(type);
        String ns = namespaceFor(r.type(), namespace);
        return patcher.patch(r, ns, requireName(name), patchType, patch, options, UserInfo.SYSTEM).object();
    }

    @Override
    public <T extends KubeObject> ApplyResult<T> apply(Class<T> type, String namespace, String name,
                                                       String configuration, PatchOptions options) {
        Registry<T> r = registry(type);
        String ns = namespaceFor(r.type(), namespace);
        return patcher.patch(r, ns, requireName(name), PatchType.APPLY, configuration, options, UserInfo.SYSTEM);
    }

    /**
     * The manager a write is recorded under. Kubernetes falls back from {@code fieldManager} to
     * the user agent; calls in process have none, so they are {@code unknown}. The HTTP layer
     * passes {@code FieldManager.managerOrUserAgent(fieldManager, userAgent)} as fieldManager.
     */
    private static String manager(String fieldManager) {
        return FieldManager.managerOrUserAgent(fieldManager, null);
    }

    @Override
    public <T extends KubeObject> DeleteResult<T> delete(Class<T> type, String namespace, String name,
                                                        DeleteOptions options) {
        Registry<T> r = registry(type);
        return r.delete(namespaceFor(r.type(), namespace), requireName(name), options, UserInfo.SYSTEM);
    }

    @Override
    public <T extends KubeObject> ApiWatch watch(Class<T> type, String namespace, ListOptions options,
                                                 Executor deliverOn, WatchHandler<T> handler) {
        Registry<T> r = registry(type);
        Filter filter = filter(r, namespace, options);
        String rv = options.resourceVersion();
        Long from = rv == null || rv.isEmpty() || rv.equals("0") ? null : parseResourceVersion(rv);
        ApiWatch w = r.cacher().watch(filter, from, options.allowWatchBookmarks(), deliverOn, handler);
        if (options.timeoutSeconds() != null) {
            loop.scheduleBackground(Duration.ofSeconds(options.timeoutSeconds()), () -> r.cacher().end(w));
        }
        return w;
    }

    // ---- selectors ------------------------------------------------------------------------------

    private <T extends KubeObject> Filter filter(Registry<T> r, String namespace, ListOptions options) {
        Selector labels;
        FieldSelector fields;
        try {
            labels = options.labelSelector() == null ? Selector.everything() : Selector.parse(options.labelSelector());
            fields = options.fieldSelector() == null ? FieldSelector.everything() : FieldSelector.parse(options.fieldSelector());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        for (var req : fields.requirements()) {
            if (!r.fieldLabels().contains(req.field())) {
                throw ApiException.badRequest("field label not supported: " + req.field());
            }
        }
        String indexed = r.strategy().indexedField();
        String indexValue = indexed == null ? null : fields.exactMatch(indexed).orElse(null);
        String ns = r.type().namespaced() && namespace != null && !namespace.isEmpty() ? namespace : null;
        return new Filter(ns, labels::matches, fields::matches, indexValue);
    }

    static long parseResourceVersion(String rv) {
        try {
            long v = Long.parseLong(rv);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid resource version: \"" + rv + "\"");
        }
    }

    // ---- timers ---------------------------------------------------------------------------------

    private void sendBookmarks() {
        // With a remote store a cache may not have heard of the latest writes yet: each then
        // bookmarks only the revision it has seen itself.
        long current = store.notifiesBeforeReturn() ? store.currentRevision() : 0;
        registries.values().forEach(r -> r.cacher().sendBookmarks(current));
    }

    /**
     * Compacts the store to the revision it had at the previous run, as kube-apiserver does every
     * five minutes: history older than one interval is dropped, newer history stays watchable.
     * The first run only notes the revision.
     */
    private void compactHistory() {
        long target = lastSeenRevision;
        lastSeenRevision = store.currentRevision();
        if (target > store.compactedRevision()) {
            try {
                compact(target);
            } catch (IllegalArgumentException e) {
                // Another API server on the same etcd compacted past it already: nothing to do.
                registries.values().forEach(r -> r.cacher().onCompacted(store.compactedRevision()));
            }
        }
    }

    /**
     * Ends every open watch, as an API server restart or a dropped connection does. Clients
     * (informers) re-watch from the last resourceVersion they saw, or list again if it is gone.
     */
    public void closeAllWatches() {
        registries.values().forEach(r -> r.cacher().endAll());
    }

    /** Compacts the store now, up to {@code revision}; watches from before it get 410 Expired. */
    public void compact(long revision) {
        store.compact(revision);
        registries.values().forEach(r -> r.cacher().onCompacted(revision));
    }
}
