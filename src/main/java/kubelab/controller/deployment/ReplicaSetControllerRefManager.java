package kubelab.controller.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.labels.Selector;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;

/**
 * Decides which ReplicaSets belong to a Deployment in one sync: owned ones that still match its
 * selector, plus matching orphans it adopts (writing a controller ownerReference); owned ones that
 * no longer match are released. ReplicaSets controlled by anything else are left alone. Adoption is
 * refused while the Deployment is being deleted, after one fresh read from the API server.
 *
 * <p>Real Kubernetes: {@code ReplicaSetControllerRefManager.ClaimReplicaSets} in
 * {@code pkg/controller/controller_ref_manager.go}.
 */
final class ReplicaSetControllerRefManager {
    private final Api api;
    private final Deployment owner;
    private final Selector selector;
    private final Supplier<Deployment> fresh;
    private Boolean canAdopt;

    ReplicaSetControllerRefManager(Api api, Deployment owner, Selector selector, Supplier<Deployment> fresh) {
        this.api = api;
        this.owner = owner;
        this.selector = selector;
        this.fresh = fresh;
    }

    List<ReplicaSet> claimReplicaSets(List<ReplicaSet> sets) {
        List<ReplicaSet> claimed = new ArrayList<>();
        String uid = owner.metadata().uid();
        for (ReplicaSet rs : sets) {
            OwnerReference ref = rs.metadata().controllerRef();
            boolean matches = selector.matches(rs.metadata().labels());
            if (ref != null) {
                if (!uid.equals(ref.uid())) {
                    continue;
                }
                if (matches) {
                    claimed.add(rs);
                } else if (!owner.metadata().isBeingDeleted()) {
                    write(rs.withMetadata(rs.metadata().withOwnerReferences(rs.metadata().ownerReferences().stream()
                            .filter(r -> !uid.equals(r.uid())).toList())));
                }
                continue;
            }
            if (!matches || owner.metadata().isBeingDeleted() || rs.metadata().isBeingDeleted() || !canAdopt()) {
                continue;
            }
            List<OwnerReference> refs = new ArrayList<>(rs.metadata().ownerReferences());
            refs.add(OwnerReference.controllerOf(owner));
            ReplicaSet adopted = write(rs.withMetadata(rs.metadata().withOwnerReferences(refs)));
            if (adopted != null) {
                claimed.add(adopted);
            }
        }
        return claimed;
    }

    private boolean canAdopt() {
        if (canAdopt == null) {
            Deployment d = fresh.get();
            canAdopt = d != null && owner.metadata().uid().equals(d.metadata().uid()) && !d.metadata().isBeingDeleted();
        }
        return canAdopt;
    }

    private ReplicaSet write(ReplicaSet rs) {
        try {
            return api.update(rs);
        } catch (ApiException e) {
            if (e.code() == 404) {
                return null; // gone meanwhile
            }
            throw e;
        }
    }
}
