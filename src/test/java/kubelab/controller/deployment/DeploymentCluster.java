package kubelab.controller.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import kubelab.api.Scheme;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.DeploymentCondition;
import kubelab.api.apps.DeploymentSpec;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodStatus;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.serialization.ManifestReader;
import kubelab.api.serialization.ObjectDecoder;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.client.InformerFactory;
import kubelab.client.ResourceEventHandler;
import kubelab.client.record.EventBroadcaster;
import kubelab.controller.replicaset.ReplicaSetController;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;

/**
 * A control plane for Deployment tests: the API server, the ReplicaSet and Deployment controllers,
 * events recorded to the API, and a stand-in kubelet that marks each new pod Running and Ready at
 * once (there is no scheduler or kubelet here), except pods whose image it is told never starts.
 */
final class DeploymentCluster {
    static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");
    static final String NS = "default";
    /** An image the stand-in kubelet never makes ready, like a tag that cannot be pulled. */
    static final String BROKEN_IMAGE = "nginx:1.161";

    final SimulatedLoop loop = new SimulatedLoop(11);
    final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    final InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
    final EventBroadcaster events = new EventBroadcaster(loop).startRecordingToSink(api);
    final DeploymentController controller = new DeploymentController(api, informers, loop,
            events.newRecorder(DeploymentController.COMPONENT, null));
    final ReplicaSetController replicaSets = new ReplicaSetController(api, informers, loop);
    /** Pods the stand-in kubelet makes ready; by default every pod whose image is not broken. */
    Predicate<Pod> becomesReady = pod -> pod.spec().containers().stream().noneMatch(c -> BROKEN_IMAGE.equals(c.image()));

    DeploymentCluster() {
        informers.informerFor(Pod.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod, boolean isInInitialList) {
                if (becomesReady.test(pod)) {
                    loop.execute(() -> markReady(pod.name()));
                }
            }
        });
        informers.start();
        controller.start();
        replicaSets.start();
    }

    /** The stand-in kubelet: the pod is Running and Ready (so available, with minReadySeconds 0). */
    void markReady(String podName) {
        try {
            Pod pod = api.get(Pod.class, NS, podName);
            PodStatus status = PodStatus.empty().withPhase(PodPhase.RUNNING)
                    .withCondition(PodCondition.of(PodConditionType.READY, ConditionStatus.TRUE, loop.now()));
            api.updateStatus(pod.withStatus(status));
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
    }

    /** The Deployment of an example manifest (the first object), in the default namespace. */
    static Deployment example(String file) {
        return new ObjectDecoder(Scheme.standard()).decodeAll(ManifestReader.read(EXAMPLES.resolve(file))).stream()
                .map(d -> (Deployment) d.object())
                .map(d -> d.withMetadata(d.metadata().withNamespace(NS)))
                .findFirst().orElseThrow();
    }

    Deployment create(Deployment d) {
        Deployment created = api.create(d);
        loop.settle();
        return created;
    }

    /** Like {@code kubectl apply} of a changed manifest: the stored object gets the manifest's spec. */
    Deployment apply(Deployment manifest) {
        Deployment stored = deployment(manifest.name());
        return api.update(stored.withSpec(manifest.spec()));
    }

    /** Changes the stored Deployment's spec (kubectl edit, set image, scale, pause). */
    Deployment edit(String name, UnaryOperator<DeploymentSpec> change) {
        Deployment stored = deployment(name);
        return api.update(stored.withSpec(change.apply(stored.spec())));
    }

    /** {@code kubectl set image deployment/<name> nginx=<image>}: the first container's image. */
    Deployment setImage(String name, String image) {
        return edit(name, spec -> spec.withTemplate(withImage(spec.template(), image)));
    }

    static PodTemplateSpec withImage(PodTemplateSpec t, String image) {
        var containers = t.spec().containers().stream().map(c -> c.withImage(image)).toList();
        return t.withSpec(t.spec().withContainers(containers));
    }

    /** {@code kubectl annotate deployment/<name> key=value}. */
    void annotate(String name, String key, String value) {
        Deployment stored = deployment(name);
        api.update(stored.withMetadata(stored.metadata().withAnnotation(key, value)));
    }

    Deployment deployment(String name) {
        return api.get(Deployment.class, NS, name);
    }

    /** The Deployment's ReplicaSets, oldest first. */
    List<ReplicaSet> replicaSets(String deployment) {
        Deployment d = deployment(deployment);
        return api.list(ReplicaSet.class, NS).items().stream()
                .filter(rs -> rs.metadata().controllerRef() != null
                        && d.metadata().uid().equals(rs.metadata().controllerRef().uid()))
                .sorted(Comparator.comparing((ReplicaSet rs) -> rs.metadata().creationTimestamp())
                        .thenComparing(rs -> DeploymentUtil.revision(rs)))
                .toList();
    }

    /** The ReplicaSet whose pods run {@code image}. */
    ReplicaSet replicaSetWithImage(String deployment, String image) {
        return replicaSets(deployment).stream()
                .filter(rs -> rs.spec().template().spec().containers().get(0).image().equals(image))
                .findFirst().orElseThrow();
    }

    List<Pod> pods() {
        return api.list(Pod.class, NS).items();
    }

    DeploymentCondition condition(String deployment, String type) {
        return deployment(deployment).status().condition(type);
    }

    /** The messages of the events with this reason, in order. */
    List<String> events(String reason) {
        loop.settle();
        return api.list(Event.class, NS).items().stream()
                .filter(e -> reason.equals(e.reason()))
                .sorted(Comparator.comparing(Event::metadata, Comparator.comparing(m -> Long.parseLong(m.resourceVersion()))))
                .map(Event::message).toList();
    }

    /** Watches pods and keeps the extremes of "pods that exist" and "pods ready", for rollout bounds. */
    final class PodCounter {
        final Set<String> existing = new HashSet<>();
        final Set<String> ready = new HashSet<>();
        int maxExisting;
        int minReady = Integer.MAX_VALUE;

        PodCounter() {
            pods().forEach(this::see);
            maxExisting = existing.size(); // the extremes count from now on
            minReady = ready.size();
            informers.informerFor(Pod.class).addEventHandler(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Pod pod, boolean isInInitialList) {
                    see(pod);
                }

                @Override
                public void onUpdate(Pod oldPod, Pod newPod) {
                    see(newPod);
                }

                @Override
                public void onDelete(Pod pod) {
                    existing.remove(pod.name());
                    ready.remove(pod.name());
                    record();
                }
            });
        }

        private void see(Pod pod) {
            existing.add(pod.name());
            boolean isReady = pod.status() != null && pod.status().condition(PodConditionType.READY) != null
                    && pod.status().condition(PodConditionType.READY).isTrue() && !pod.metadata().isBeingDeleted();
            if (isReady) {
                ready.add(pod.name());
            } else {
                ready.remove(pod.name());
            }
            record();
        }

        private void record() {
            maxExisting = Math.max(maxExisting, existing.size());
            minReady = Math.min(minReady, ready.size());
        }
    }
}
