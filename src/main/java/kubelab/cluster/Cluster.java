package kubelab.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionStage;
import kubelab.api.Scheme;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.apiserver.registry.core.ClusterIPAllocator;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.DecodedObject;
import kubelab.api.serialization.ManifestReader;
import kubelab.api.serialization.ObjectDecoder;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.UserInfo;
import kubelab.apiserver.auth.AuditLog;
import kubelab.apiserver.auth.HandlerChain;
import kubelab.apiserver.auth.TokenAuthenticator;
import kubelab.client.InformerFactory;
import kubelab.client.record.EventBroadcaster;
import kubelab.controller.ControllerManager;
import kubelab.controller.podautoscaler.ContainerStatsMetrics;
import kubelab.controller.podautoscaler.PodMetricsLister;
import kubelab.runtime.cri.ExecResult;
import kubelab.runtime.images.ImageCatalogue;
import kubelab.runtime.net.SimulatedPodNetwork;
import kubelab.scheduler.Scheduler;
import kubelab.store.MemoryStore;
import kubelab.store.Store;
import kubelab.time.SimulatedLoop;

/**
 * A whole Kubernetes cluster in one process, on virtual time: an API server over an in-memory
 * etcd, the scheduler, the controller manager, and N nodes, each a kubelet driving a simulated
 * container runtime through the CRI. One line builds it:
 *
 * <pre>{@code
 * var cluster = Cluster.create();                      // 3 nodes: node-1, node-2, node-3
 * cluster.apply(Path.of("nginx-deployment.yaml"));
 * cluster.settle();                                     // until nothing but heartbeats is left
 * System.out.println(cluster.get("pods -o wide"));
 * }</pre>
 *
 * <p>The components never call one another: they meet in the API, exactly as in Kubernetes. The
 * cluster only builds and starts them, applies manifests, and offers the faults a learner wants to
 * inject: stop or restart a node, kill a container, delete a pod.
 *
 * <p>Real Kubernetes: a cluster made by kubeadm or kind: kube-apiserver, etcd, kube-scheduler and
 * kube-controller-manager on the control plane, a kubelet and containerd on every node.
 */
public final class Cluster {
    /** The seed of {@link #create()}: any fixed seed makes runs repeat; this one is the default. */
    public static final long DEFAULT_SEED = 1;
    /** How many nodes {@link #create()} and {@code kubelab run} add when no Node is given. */
    public static final int DEFAULT_NODES = 3;
    /** The {@code kubernetes} Service's cluster IP: the first of {@link ClusterIPAllocator#DEFAULT_SERVICE_CIDR}. */
    public static final String KUBERNETES_SERVICE_IP = "10.96.0.1";

    private final SimulatedLoop loop;
    private final ApiServer api;
    private final EventBroadcaster events;
    private final Timeline timeline;
    private final ControllerManager controllerManager;
    private final Scheduler scheduler;
    private final SimulatedPodNetwork network = new SimulatedPodNetwork();
    private final ImageCatalogue images = ImageCatalogue.standard();
    private final Map<String, SimNode> nodes = new LinkedHashMap<>();
    private final Applier applier;
    private final HandlerChain handlerChain;
    /** Token files added after the start ({@link #addTokens}); read by HTTP threads, hence copy-on-write. */
    private final List<TokenAuthenticator> addedTokens = new CopyOnWriteArrayList<>();

    /** The leader elections, when the cluster was built with {@link Builder#leaderElection} (else null). */
    private ControlPlaneElections elections;

    private Cluster(long seed, Instant start, String tokens, boolean anonymous, Store store, LeaderElection election) {
        this.loop = new SimulatedLoop(seedFor(seed, store), start);
        this.api = new ApiServer(store, Scheme.standard(), loop);
        this.timeline = new Timeline(loop.now());
        this.events = new EventBroadcaster(loop).startRecordingToSink(api).startEventWatcher(timeline::record);
        // The controller manager's informers, shared by its controllers; the HPA reads pods' CPU
        // through them from the runtimes' stats, as metrics-server reads the kubelets'.
        InformerFactory controllerInformers = new InformerFactory(api, loop, Duration.ZERO);
        PodMetricsLister metrics = new ContainerStatsMetrics(controllerInformers.listerFor(Pod.class),
                nodeName -> nodes.containsKey(nodeName) ? nodes.get(nodeName).runtime() : null);
        this.controllerManager = new ControllerManager(api, loop, events, controllerInformers, metrics);
        InformerFactory schedulerInformers = new InformerFactory(api, loop, Duration.ZERO);
        this.scheduler = new Scheduler(api, schedulerInformers, loop, events);
        this.applier = new Applier(api);
        this.handlerChain = ApiServerBootstrap.handlerChain(api, loop, tokens, this::addedToken, anonymous);
        ApiServerBootstrap.createKubernetesService(api);
        schedulerInformers.start();
        if (election == null) {
            controllerManager.start();
            scheduler.start();
        } else {
            this.elections = ControlPlaneElections.start(api, loop, events, scheduler, controllerManager, election);
        }
    }

    /**
     * How the scheduler and the controller manager of one of several API server processes on a
     * shared store decide which of them acts: {@code identity} names this process in the Leases
     * ({@code hostname_uuid} in Kubernetes), and {@code onControllerManagerLost} runs if this
     * process's controller manager loses its Lease (kube-controller-manager exits then).
     */
    public record LeaderElection(String identity, Runnable onControllerManagerLost) {
    }

    /**
     * Gives up this process's Leases, so that another process's scheduler and controller
     * manager take over at their next try instead of waiting out the lease duration. Call on the
     * loop's thread, when the process stops. Nothing to do for a cluster that elects no leaders.
     */
    public void releaseLeases() {
        if (elections != null) {
            elections.release();
        }
    }

    /** Who holds Lease {@code kube-system/<lockName>} now, as this process last saw it (empty without election). */
    public Optional<String> leader(String lockName) {
        return elections == null ? Optional.empty() : elections.leader(lockName);
    }

    /**
     * The loop's seed: {@code seed} itself for an empty store; for a store that already holds a
     * cluster, {@code seed} mixed with the store's revision, so that the uids and generated names
     * of this run do not repeat those of the run that wrote the store (still the same for the
     * same store and seed).
     */
    static long seedFor(long seed, Store store) {
        long revision = store.currentRevision();
        return revision == 0 ? seed : seed ^ (revision * 0x9E3779B97F4A7C15L);
    }

    /** A cluster of {@link #DEFAULT_NODES} default nodes, seed {@link #DEFAULT_SEED}. */
    public static Cluster create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How to build a cluster: the seed, and its nodes (default ones, or Node objects). */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private Integer defaultNodes;
        private final List<Node> nodes = new ArrayList<>();
        private String tokens = "";
        private boolean anonymous;
        private Instant start = SimulatedLoop.DEFAULT_START;
        private Store store;
        private LeaderElection election;

        /** The seed of the random source: the same seed, the same run. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Where the cluster's clock starts (default {@link SimulatedLoop#DEFAULT_START}, so every run
         * prints the same times); {@code kubelab serve} starts it at the wall clock's now.
         */
        public Builder start(Instant start) {
            this.start = java.util.Objects.requireNonNull(start, "start");
            return this;
        }

        /** Adds {@code count} default nodes (4 CPU, 16Gi memory, 110 pods), {@code node-1} ... */
        public Builder nodes(int count) {
            this.defaultNodes = count;
            return this;
        }

        /**
         * The static bearer tokens the API server accepts, in kube-apiserver's
         * {@code --token-auth-file} format: {@code token,user,uid,"group1,group2"}, a line each.
         */
        public Builder tokens(String csv) {
            this.tokens = csv;
            return this;
        }

        /**
         * Whether a request without credentials is served as {@code system:anonymous} (in group
         * {@code system:unauthenticated}, which RBAC then judges) instead of getting 401, as
         * kube-apiserver's {@code --anonymous-auth}. Off by default here.
         */
        public Builder anonymous(boolean anonymous) {
            this.anonymous = anonymous;
            return this;
        }

        /**
         * The store the API server keeps the cluster's state in (default: a new, empty
         * {@link MemoryStore}). A store that already holds a cluster, a durable one reopened or a
         * real etcd, is taken up where it was: the control plane's own objects are created only if
         * they are missing, the kubelets register their nodes again, and the controllers, being
         * level-based, carry on from what they find.
         */
        public Builder store(Store store) {
            this.store = java.util.Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Runs the scheduler and the controller manager under leader election, as every
         * production control plane does, so that several processes can share one store (a real
         * etcd) and only one of each acts at a time. Off by default: a cluster alone on its store
         * needs no election, and its runs stay free of Lease renewals.
         */
        public Builder leaderElection(LeaderElection election) {
            this.election = java.util.Objects.requireNonNull(election, "election");
            return this;
        }

        /** Adds a node made from a Node object: its name, labels, taints, capacity and allocatable. */
        public Builder node(Node node) {
            nodes.add(node);
            return this;
        }

        public Cluster build() {
            Cluster cluster = new Cluster(seed, start, tokens, anonymous, store != null ? store : new MemoryStore(), election);
            int count = defaultNodes != null ? defaultNodes : nodes.isEmpty() ? DEFAULT_NODES : 0;
            for (int i = 1; i <= count; i++) {
                cluster.addNode(Node.named("node-" + i));
            }
            nodes.forEach(cluster::addNode);
            cluster.loop.settle();
            return cluster;
        }
    }

    // ---- the parts -------------------------------------------------------------------------

    public SimulatedLoop loop() {
        return loop;
    }

    public ApiServer api() {
        return api;
    }

    /** Every Event, in order, with its virtual time. */
    /** The request path other callers go through: authentication, authorization, audit. */
    public HandlerChain handlerChain() {
        return handlerChain;
    }

    /** The API as a client presenting {@code bearerToken} sees it (null: no token, a 401). */
    public Api apiForToken(String bearerToken) {
        return handlerChain.forToken(bearerToken);
    }

    /** The API as an already authenticated {@code user} sees it: every request authorized by RBAC. */
    public Api apiFor(UserInfo user) {
        return handlerChain.forUser(user);
    }

    /**
     * Makes the API server accept the bearer tokens of {@code csv} too (the {@code --token-auth-file}
     * format of {@link Builder#tokens}), as if they had been in its token file from the start: how
     * a notebook serves its own cluster to kubectl ({@code kubelab.server.LocalServe}).
     * kube-apiserver reads its token file once; here a running cluster may learn new tokens.
     */
    public void addTokens(String csv) {
        addedTokens.add(TokenAuthenticator.parse("tokens.csv", csv));
    }

    private Optional<UserInfo> addedToken(String token) {
        for (TokenAuthenticator file : addedTokens) {
            Optional<UserInfo> user = file.authenticateToken(token);
            if (user.isPresent()) {
                return user;
            }
        }
        return Optional.empty();
    }

    /** The audit log of requests made through {@link #apiForToken} and {@link #apiFor}. */
    public AuditLog audit() {
        return handlerChain.audit();
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Where components get recorders; add a watcher to see Events as they happen. */
    public EventBroadcaster events() {
        return events;
    }

    public ControllerManager controllerManager() {
        return controllerManager;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public SimulatedPodNetwork network() {
        return network;
    }

    public Collection<SimNode> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    /** The node called {@code name}. */
    public SimNode node(String name) {
        SimNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name + " (nodes: " + String.join(", ", nodes.keySet()) + ")");
        }
        return node;
    }

    /**
     * Adds a machine made from a Node object (its name, labels, taints, capacity; a default node
     * when those are empty) and starts its kubelet, which registers the Node.
     */
    public SimNode addNode(Node node) {
        if (nodes.containsKey(node.name())) {
            throw new IllegalArgumentException("node " + node.name() + " already exists");
        }
        SimNode sim = new SimNode(api, loop, node, nodes.size(), network, images, events, timeline.start());
        nodes.put(node.name(), sim);
        sim.start();
        return sim;
    }

    /** Adds a default node called {@code name}. */
    public SimNode addNode(String name) {
        return addNode(Node.named(name));
    }

    // ---- applying manifests -----------------------------------------------------------------

    /** Applies every object of a manifest file, in order, as {@code kubectl apply -f} would. */
    public List<Applier.Outcome> apply(Path file) {
        return applyManifests(file.toString(), ManifestReader.read(file));
    }

    /** Applies the objects of YAML or JSON text, in order. */
    public List<Applier.Outcome> apply(String yaml) {
        return applyManifests("STDIN", ManifestReader.read("STDIN", yaml));
    }

    private List<Applier.Outcome> applyManifests(String source, List<kubelab.api.serialization.Manifest> manifests) {
        List<KubeObject> objects = new ObjectDecoder(api.scheme()).decodeAll(manifests).stream()
                .map(DecodedObject::object).toList();
        return apply(source, objects);
    }

    /**
     * Applies objects, in order. A Node becomes a new simulated machine (its kubelet registers
     * it); every other object goes to the API server, whose refusal is an outcome, not an exception.
     */
    public List<Applier.Outcome> apply(String source, List<? extends KubeObject> objects) {
        List<Applier.Outcome> outcomes = new ArrayList<>();
        for (KubeObject object : objects) {
            if (object instanceof Node node && !nodes.containsKey(node.name())) {
                addNode(node);
                outcomes.add(new Applier.Outcome(source, node, "node/" + node.name() + " created", null));
            } else {
                outcomes.add(applier.apply(object, source));
            }
        }
        loop.runReady();
        return outcomes;
    }

    // ---- time ----------------------------------------------------------------------------------

    /** Runs until nothing is left but heartbeats and resyncs; fails if that takes over an hour of virtual time. */
    public Cluster settle() {
        loop.settle();
        return this;
    }

    /** Runs until settled or until {@code limit} has passed; says which. */
    public boolean settleWithin(Duration limit) {
        return loop.settleWithin(limit);
    }

    /** Lets {@code duration} of virtual time pass, running everything due in it. */
    public Cluster advance(Duration duration) {
        loop.advance(duration);
        return this;
    }

    // ---- reading ---------------------------------------------------------------------------

    /**
     * What {@code kubectl get} prints, for arguments such as {@code "pods -o wide"},
     * {@code "deployments -n kube-system"}, {@code "nodes"} or {@code "events -A"}.
     */
    public String get(String arguments) {
        return GetCommand.run(api, loop.now(), arguments);
    }

    /** A pod, as stored now. */
    public Pod pod(String namespace, String name) {
        return api.get(Pod.class, namespace, name);
    }

    /** The pods of a namespace, in name order. */
    public List<Pod> pods(String namespace) {
        return api.list(Pod.class, namespace).items();
    }

    /** {@code kubectl logs}: the container's current log. */
    public String logs(String namespace, String pod, String container) {
        return nodeOf(namespace, pod).kubelet().logs(namespace, pod, container, false);
    }

    /** {@code kubectl logs -p}: the log of the container's previous instance. */
    public String previousLogs(String namespace, String pod, String container) {
        return nodeOf(namespace, pod).kubelet().logs(namespace, pod, container, true);
    }

    /**
     * {@code kubectl exec}: runs a command in a running container, letting virtual time pass until
     * it ends (at most an hour).
     */
    public ExecResult exec(String namespace, String pod, String container, String... command) {
        CompletionStage<ExecResult> stage = nodeOf(namespace, pod).kubelet()
                .exec(namespace, pod, container, List.of(command));
        var future = stage.toCompletableFuture();
        loop.runUntil(future::isDone, Duration.ofHours(1));
        if (!future.isDone()) {
            throw new IllegalStateException("exec did not finish within an hour of virtual time");
        }
        return future.join();
    }

    /** The node a pod is bound to. */
    public SimNode nodeOf(String namespace, String pod) {
        String nodeName = pod(namespace, pod).spec().nodeName();
        if (nodeName == null || nodeName.isEmpty()) {
            throw new IllegalStateException("pod " + namespace + "/" + pod + " is not scheduled to a node yet");
        }
        return node(nodeName);
    }

    // ---- faults ------------------------------------------------------------------------------

    /** Pulls a node's plug: its kubelet stops heartbeating and its containers are gone. */
    public void stopNode(String name) {
        node(name).stop();
    }

    /** Powers a stopped node on again (or reboots a running one). */
    public void restartNode(String name) {
        SimNode node = node(name);
        node.stop();
        node.start();
    }

    /**
     * Kills a container with SIGKILL, as the kernel's OOM killer or {@code crictl stop -t 0}
     * would: exit code 137, and the kubelet applies the pod's restartPolicy.
     */
    public void killContainer(String namespace, String pod, String container) {
        SimNode node = nodeOf(namespace, pod);
        String id = node.runningContainer(namespace, pod, container)
                .orElseThrow(() -> new IllegalStateException("container " + container + " of pod " + namespace + "/"
                        + pod + " is not running"))
                .id();
        node.runtime().killContainer(id);
    }

    /** {@code kubectl delete pod}: a graceful delete; the kubelet stops the containers and removes the pod. */
    public void deletePod(String namespace, String name) {
        api.delete(Pod.class, namespace, name);
    }
}
