package kubelab.apiserver.registry.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodQOSClass;
import kubelab.api.core.PodStatus;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.DeleteOptions;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.JsonDefaults;

/**
 * Pods: spec defaults, {@code status.phase: Pending} and the QoS class on creation, the fields a
 * kubelet or a user selects pods by, an index on {@code spec.nodeName} so each kubelet's watch
 * gets only its own pods, and graceful deletion: a running pod gets its
 * {@code terminationGracePeriodSeconds} (30 by default) to stop before it is removed, while a pod
 * that was never scheduled, or has finished, goes at once.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/pod/strategy.go} and {@code qos.GetPodQOS}.
 */
public final class PodStrategy implements Strategy<Pod> {
    public static final String NODE_NAME = "spec.nodeName";
    private static final Set<String> FIELDS = Set.of(NODE_NAME, "spec.restartPolicy", "spec.schedulerName",
            "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName");

    @Override
    public Pod applyDefaults(Pod pod) {
        if (pod.spec() == null) {
            return pod;
        }
        return JsonDefaults.apply(pod, Pod.class, tree -> PodDefaults.applyToSpec((ObjectNode) tree.get("spec")));
    }

    @Override
    public Pod prepareForCreate(Pod pod) {
        return pod.withStatus(PodStatus.empty().withPhase(PodPhase.PENDING).withQosClass(qosClass(pod)));
    }

    @Override
    public List<FieldError> validate(Pod pod) {
        return PodValidation.validatePod(pod);
    }

    @Override
    public List<FieldError> validateUpdate(Pod pod, Pod old) {
        return PodValidation.validatePodUpdate(pod, old);
    }

    @Override
    public boolean hasGeneration() {
        return true;
    }

    @Override
    public Set<String> fieldLabels() {
        return FIELDS;
    }

    @Override
    public Map<String, String> selectableFields(Pod pod) {
        Map<String, String> f = new HashMap<>();
        var spec = pod.spec();
        var status = pod.status();
        f.put(NODE_NAME, spec == null || spec.nodeName() == null ? "" : spec.nodeName());
        f.put("spec.restartPolicy", spec == null || spec.restartPolicy() == null ? "" : spec.restartPolicy());
        f.put("spec.schedulerName", spec == null || spec.schedulerName() == null ? "" : spec.schedulerName());
        f.put("spec.serviceAccountName", spec == null || spec.serviceAccountName() == null ? "" : spec.serviceAccountName());
        f.put("spec.hostNetwork", String.valueOf(spec != null && Boolean.TRUE.equals(spec.hostNetwork())));
        f.put("status.phase", status == null || status.phase() == null ? "" : status.phase());
        f.put("status.podIP", status == null || status.podIP() == null ? "" : status.podIP());
        f.put("status.nominatedNodeName", status == null || status.nominatedNodeName() == null ? "" : status.nominatedNodeName());
        return f;
    }

    @Override
    public String indexedField() {
        return NODE_NAME;
    }

    /**
     * The grace period a delete gives: the request's, else the pod's own, else 30 s; but 0 for a
     * pod no kubelet runs (never scheduled) or one that has finished, since nobody needs to stop it.
     */
    @Override
    public long gracePeriodSeconds(Pod pod, DeleteOptions options) {
        var spec = pod.spec();
        var phase = pod.status() == null ? null : pod.status().phase();
        if (spec == null || spec.nodeName() == null || spec.nodeName().isEmpty()
                || PodPhase.SUCCEEDED.equals(phase) || PodPhase.FAILED.equals(phase)) {
            return 0;
        }
        if (options.gracePeriodSeconds() != null) {
            return Math.max(0, options.gracePeriodSeconds());
        }
        return spec.terminationGracePeriodSeconds() == null ? 30 : Math.max(0, spec.terminationGracePeriodSeconds());
    }

    /**
     * The pod's QoS class: BestEffort with no requests or limits at all, Guaranteed when every
     * container limits cpu and memory and requests exactly that, Burstable otherwise. The kubelet
     * kills BestEffort pods first under memory pressure, Guaranteed last.
     */
    public static String qosClass(Pod pod) {
        if (pod.spec() == null) {
            return PodQOSClass.BEST_EFFORT;
        }
        boolean any = false;
        boolean guaranteed = true;
        List<Container> all = new java.util.ArrayList<>(pod.spec().initContainers());
        all.addAll(pod.spec().containers());
        for (Container c : all) {
            Map<String, Quantity> req = c.resources() == null ? Map.of() : c.resources().requests();
            Map<String, Quantity> lim = c.resources() == null ? Map.of() : c.resources().limits();
            for (String r : List.of("cpu", "memory")) {
                Quantity q = req.get(r);
                Quantity l = lim.get(r);
                any |= (q != null && !q.isZero()) || (l != null && !l.isZero());
                if (l == null || l.isZero() || (q != null && !q.equals(l))) {
                    guaranteed = false;
                }
            }
        }
        if (!any) {
            return PodQOSClass.BEST_EFFORT;
        }
        return guaranteed ? PodQOSClass.GUARANTEED : PodQOSClass.BURSTABLE;
    }
}
