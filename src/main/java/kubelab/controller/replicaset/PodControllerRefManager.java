package kubelab.controller.replicaset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import kubelab.api.core.Pod;
import kubelab.api.labels.Selector;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;

/**
 * Decides, for one controller object and one sync, which pods are its own: it keeps the owned pods
 * that still match, adopts matching orphans (writing a controller ownerReference) and releases owned
 * pods whose labels no longer match (removing it). Pods controlled by someone else are never touched.
 *
 * <p>Adoption is refused while the owner is being deleted, and is rechecked once against the API
 * server (not the cache) before the first adoption, so a controller never adopts pods for an owner
 * that was just deleted or replaced by a namesake.
 *
 * <p>Real Kubernetes: {@code PodControllerRefManager.ClaimPods} in
 * {@code pkg/controller/controller_ref_manager.go}.
 */
public final class PodControllerRefManager {
    private final Api api;
    private final KubeObject owner;
    private final Selector selector;
    private final Supplier<KubeObject> freshOwner;
    private Boolean canAdopt;

    /**
     * @param freshOwner reads the owner from the API server (a quorum read), for the adoption recheck
     */
    public PodControllerRefManager(Api api, KubeObject owner, Selector selector, Supplier<KubeObject> freshOwner) {
        this.api = api;
        this.owner = owner;
        this.selector = selector;
        this.freshOwner = freshOwner;
    }

    /**
     * The pods of {@code pods} that belong to the owner after adoption and release, each as
     * written (so the caller sees the new resourceVersion).
     *
     * @throws ApiException if an adoption or release fails for a reason other than the pod being gone
     */
    public List<Pod> claimPods(List<Pod> pods) {
        List<Pod> claimed = new ArrayList<>();
        for (Pod pod : pods) {
            OwnerReference ref = pod.metadata().controllerRef();
            boolean matches = selector.matches(pod.metadata().labels());
            if (ref != null) {
                if (!owner.metadata().uid().equals(ref.uid())) {
                    continue; // controlled by someone else
                }
                if (matches) {
                    claimed.add(pod);
                } else if (!owner.metadata().isBeingDeleted()) {
                    release(pod);
                }
                continue;
            }
            // An orphan: adopt it if it matches, unless either side is going away.
            if (!matches || owner.metadata().isBeingDeleted() || pod.metadata().isBeingDeleted()) {
                continue;
            }
            Pod adopted = adopt(pod);
            if (adopted != null) {
                claimed.add(adopted);
            }
        }
        return claimed;
    }

    private boolean canAdopt() {
        if (canAdopt == null) {
            KubeObject fresh = freshOwner.get();
            canAdopt = fresh != null && owner.metadata().uid().equals(fresh.metadata().uid())
                    && !fresh.metadata().isBeingDeleted();
        }
        return canAdopt;
    }

    private Pod adopt(Pod pod) {
        if (!canAdopt()) {
            return null;
        }
        List<OwnerReference> refs = new ArrayList<>(pod.metadata().ownerReferences());
        refs.add(OwnerReference.controllerOf(owner));
        return writeOrSkip(pod.withMetadata(pod.metadata().withOwnerReferences(refs)));
    }

    private void release(Pod pod) {
        List<OwnerReference> refs = pod.metadata().ownerReferences().stream()
                .filter(r -> !owner.metadata().uid().equals(r.uid())).toList();
        writeOrSkip(pod.withMetadata(pod.metadata().withOwnerReferences(refs)));
    }

    /** Updates with the resourceVersion read; a pod deleted meanwhile is simply skipped. */
    private Pod writeOrSkip(Pod pod) {
        try {
            return api.update(pod);
        } catch (ApiException e) {
            if (e.code() == 404) {
                return null;
            }
            throw e;
        }
    }
}
