package kubelab.controller.deployment;

import static kubelab.controller.deployment.DeploymentConditions.n;
import static kubelab.controller.deployment.DeploymentConditions.statusOf;
import static kubelab.controller.deployment.DeploymentUtil.replicas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.DeploymentCondition;
import kubelab.api.apps.DeploymentStatus;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.apps.ReplicaSetSpec;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.LabelSelector;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.ApiException;
import kubelab.client.record.EventRecorder;

/**
 * One sync of one Deployment: the working copy {@code d} (replaced by what the API server returns
 * after each status write, so later writes carry a fresh resourceVersion), its ReplicaSets, and the
 * steps shared by every strategy: find or create the new ReplicaSet and keep revisions in order,
 * scale a ReplicaSet (recording a ScalingReplicaSet event), delete old ReplicaSets beyond
 * {@code revisionHistoryLimit}, and write the status.
 *
 * <p>Real Kubernetes: {@code pkg/controller/deployment/sync.go}.
 */
final class DeploymentSync {
    static final String SCALING_REPLICA_SET = "ScalingReplicaSet";

    /** What a scale call did: whether the size changed, and the ReplicaSet as stored afterwards. */
    record Scaled(boolean scaled, ReplicaSet rs) {
    }

    final DeploymentController dc;
    Deployment d;
    final List<ReplicaSet> rsList;

    DeploymentSync(DeploymentController dc, Deployment d, List<ReplicaSet> rsList) {
        this.dc = dc;
        this.d = d;
        this.rsList = new ArrayList<>(rsList);
    }

    private EventRecorder recorder() {
        return dc.recorder;
    }

    /** Go's %q for a name: a quoted string. */
    static String q(String s) {
        return "\"" + s + "\"";
    }

    // ---- the new ReplicaSet and revisions ----

    /** The new ReplicaSet (created if asked and missing) with old ones; revisions brought in order. */
    ReplicaSet getAllReplicaSetsAndSyncRevision(List<ReplicaSet> oldOut, boolean createIfNotExisted) {
        List<ReplicaSet> allOld = DeploymentUtil.findOldReplicaSets(d, rsList);
        oldOut.clear();
        oldOut.addAll(allOld);
        return getNewReplicaSet(allOld, createIfNotExisted);
    }

    /**
     * Returns the ReplicaSet whose template is the Deployment's, creating it if asked. An existing
     * one gets its annotations and minReadySeconds brought up to date (its revision raised above
     * every old one: this is how a rollback makes an old ReplicaSet new again); a new one is named
     * {@code <deployment>-<pod-template-hash>}. A name taken by a ReplicaSet with another template
     * is a hash collision: {@code status.collisionCount} goes up and the next sync hashes anew.
     */
    // tag::get-new-replica-set[]
    ReplicaSet getNewReplicaSet(List<ReplicaSet> oldRSs, boolean createIfNotExisted) {
        ReplicaSet existing = DeploymentUtil.findNewReplicaSet(d, rsList);
        long newRevision = DeploymentUtil.maxRevision(oldRSs) + 1;
        if (existing != null) {
            ReplicaSet copy = DeploymentUtil.withNewReplicaSetAnnotations(d, existing, newRevision, true);
            boolean annotationsUpdated = !copy.metadata().annotations().equals(existing.metadata().annotations());
            boolean minReadyNeedsUpdate = n(existing.spec().minReadySeconds()) != DeploymentUtil.minReadySeconds(d);
            if (annotationsUpdated || minReadyNeedsUpdate) {
                ReplicaSetSpec s = copy.spec();
                ReplicaSet updated = dc.api.update(copy.withSpec(new ReplicaSetSpec(s.replicas(),
                        d.spec().minReadySeconds(), s.selector(), s.template())));
                // Later steps of this sync must not write the stale copy (Kubernetes does, and retries on 409).
                rsList.replaceAll(r -> Objects.equals(r.metadata().uid(), updated.metadata().uid()) ? updated : r);
                return updated;
            }
            boolean needsUpdate = setDeploymentRevision(copy.metadata().annotations().get(DeploymentUtil.REVISION_ANNOTATION));
            if (DeploymentUtil.hasProgressDeadline(d) && statusOf(d).condition(DeploymentCondition.PROGRESSING) == null) {
                setCondition(DeploymentCondition.PROGRESSING, DeploymentConditions.TRUE,
                        DeploymentConditions.FOUND_NEW_RS_REASON, "Found new replica set " + q(copy.name()));
                needsUpdate = true;
            }
            if (needsUpdate) {
                updateStatus();
            }
            return copy;
        }
        if (!createIfNotExisted) {
            return null;
        }
        ReplicaSet newRS = newReplicaSet();
        List<ReplicaSet> allRSs = new ArrayList<>(oldRSs);
        allRSs.add(newRS);
        int newReplicasCount = DeploymentUtil.newRSNewReplicas(d, allRSs, newRS);
        newRS = DeploymentUtil.withNewReplicaSetAnnotations(d, ReplicaSets.withReplicas(newRS, newReplicasCount),
                newRevision, false);
        ReplicaSet created;
        boolean alreadyExists = false;
        try {
            created = dc.api.create(newRS);
        } catch (ApiException e) {
            if (e.code() == 409 && "AlreadyExists".equals(e.reason())) {
                created = adoptExistingOrCountCollision(newRS, e);
                alreadyExists = true;
            } else {
                String msg = "Failed to create new replica set " + q(newRS.name()) + ": " + e.getMessage();
                if (DeploymentUtil.hasProgressDeadline(d)) {
                    setCondition(DeploymentCondition.PROGRESSING, DeploymentConditions.FALSE,
                            DeploymentConditions.FAILED_RS_CREATE_REASON, msg);
                    try {
                        updateStatus();
                    } catch (ApiException ignored) {
                        // the create failure is the bigger problem to report
                    }
                }
                recorder().event(d, "Warning", DeploymentConditions.FAILED_RS_CREATE_REASON, msg);
                throw e;
            }
        }
        if (!alreadyExists && newReplicasCount > 0) {
            recorder().eventf(d, "Normal", SCALING_REPLICA_SET, "Scaled up replica set %s to %d", created.name(),
                    newReplicasCount);
        }
        boolean needsUpdate = setDeploymentRevision(String.valueOf(newRevision));
        if (!alreadyExists && DeploymentUtil.hasProgressDeadline(d)) {
            setCondition(DeploymentCondition.PROGRESSING, DeploymentConditions.TRUE,
                    DeploymentConditions.NEW_RS_NEW_REPLICAS_REASON, "Created new replica set " + q(created.name()));
            needsUpdate = true;
        }
        if (needsUpdate) {
            updateStatus();
        }
        return created;
    }
    // end::get-new-replica-set[]

    /** A ReplicaSet of zero pods for the Deployment's template, its hash in name, labels and selector. */
    private ReplicaSet newReplicaSet() {
        PodTemplateSpec template = d.spec().template();
        String hash = PodTemplateHash.compute(template, statusOf(d).collisionCount());
        ObjectMeta tm = template.metadata() == null ? ObjectMeta.named(null) : template.metadata();
        PodTemplateSpec newTemplate = template.withMetadata(tm.withLabel(PodTemplateHash.LABEL, hash));
        LabelSelector sel = d.spec().selector();
        Map<String, String> matchLabels = new LinkedHashMap<>(sel.matchLabels());
        matchLabels.put(PodTemplateHash.LABEL, hash);
        ObjectMeta meta = ObjectMeta.of(d.namespace(), d.name() + "-" + hash)
                .withOwnerReferences(List.of(OwnerReference.controllerOf(d)))
                .withLabels(newTemplate.metadata().labels());
        return new ReplicaSet(null, null, meta, new ReplicaSetSpec(0, d.spec().minReadySeconds(),
                new LabelSelector(matchLabels, sel.matchExpressions()), newTemplate), null);
    }

    /** The name is taken: ours (a lagging cache) is fine; anyone else's is a hash collision. */
    private ReplicaSet adoptExistingOrCountCollision(ReplicaSet wanted, ApiException e) {
        ReplicaSet rs = dc.rsLister.inNamespace(wanted.namespace()).get(wanted.name()).orElse(null);
        if (rs == null) {
            throw e; // not in the cache yet: try again later
        }
        OwnerReference ref = rs.metadata().controllerRef();
        if (ref != null && Objects.equals(ref.uid(), d.metadata().uid())
                && DeploymentUtil.equalIgnoreHash(d.spec().template(), rs.spec().template())) {
            return rs;
        }
        DeploymentStatus s = statusOf(d);
        int count = s.collisionCount() == null ? 0 : s.collisionCount();
        d = d.withStatus(new DeploymentStatus(s.observedGeneration(), s.replicas(), s.updatedReplicas(),
                s.readyReplicas(), s.availableReplicas(), s.unavailableReplicas(), s.terminatingReplicas(),
                s.conditions(), count + 1));
        updateStatus();
        throw e; // re-queued: the next sync hashes with the new collisionCount
    }

    /** Sets the Deployment's revision annotation; true if it changed. */
    boolean setDeploymentRevision(String revision) {
        if (Objects.equals(d.metadata().annotations().get(DeploymentUtil.REVISION_ANNOTATION), revision)) {
            return false;
        }
        d = d.withMetadata(d.metadata().withAnnotation(DeploymentUtil.REVISION_ANNOTATION, revision));
        return true;
    }

    void setCondition(String type, String status, String reason, String message) {
        DeploymentCondition c = DeploymentConditions.newCondition(type, status, reason, message, dc.now());
        d = d.withStatus(DeploymentConditions.set(statusOf(d), c));
    }

    /** Writes d's status (and its revision annotation) through the status subresource. */
    void updateStatus() {
        d = dc.api.updateStatus(d);
    }

    // ---- pausing and scaling without a rollout ----

    /** A paused Deployment, or a scaling event: resize, clean up history if paused, report status. */
    void sync() {
        List<ReplicaSet> oldRSs = new ArrayList<>();
        ReplicaSet newRS = getAllReplicaSetsAndSyncRevision(oldRSs, false);
        ProportionalScaling.scale(this, newRS, oldRSs);
        if (DeploymentUtil.paused(d) && RollbackTo.getRollbackTo(d) == null) {
            cleanupDeployment(oldRSs);
        }
        syncDeploymentStatus(DeploymentSync.all(oldRSs, newRS), newRS);
    }

    /** Progressing=Unknown with DeploymentPaused or DeploymentResumed, unless it already timed out. */
    void checkPausedConditions() {
        if (!DeploymentUtil.hasProgressDeadline(d)) {
            return;
        }
        DeploymentCondition cond = DeploymentConditions.statusOf(d).condition(DeploymentCondition.PROGRESSING);
        if (cond != null && DeploymentConditions.TIMED_OUT_REASON.equals(cond.reason())) {
            return; // a reported lack of progress is not overwritten by pausing
        }
        boolean pausedCondExists = cond != null && DeploymentConditions.PAUSED_DEPLOY_REASON.equals(cond.reason());
        boolean paused = DeploymentUtil.paused(d);
        if (paused && !pausedCondExists) {
            setCondition(DeploymentCondition.PROGRESSING, DeploymentConditions.UNKNOWN,
                    DeploymentConditions.PAUSED_DEPLOY_REASON, "Deployment is paused");
        } else if (!paused && pausedCondExists) {
            setCondition(DeploymentCondition.PROGRESSING, DeploymentConditions.UNKNOWN,
                    DeploymentConditions.RESUMED_DEPLOY_REASON, "Deployment is resumed");
        } else {
            return;
        }
        updateStatus();
    }

    // ---- scaling a ReplicaSet ----

    Scaled scaleReplicaSetAndRecordEvent(ReplicaSet rs, int newScale) {
        if (ReplicaSets.replicas(rs) == newScale) {
            return new Scaled(false, rs);
        }
        return scaleReplicaSet(rs, newScale, ReplicaSets.replicas(rs) < newScale ? "up" : "down");
    }

    /** Sets the size and the desired/max-replicas annotations; an event if the size changed. */
    Scaled scaleReplicaSet(ReplicaSet rs, int newScale, String scalingOperation) {
        int oldScale = ReplicaSets.replicas(rs);
        boolean sizeNeedsUpdate = oldScale != newScale;
        int desired = replicas(d);
        int max = desired + DeploymentUtil.maxSurge(d);
        if (!sizeNeedsUpdate && !DeploymentUtil.replicasAnnotationsNeedUpdate(rs, desired, max)) {
            return new Scaled(false, rs);
        }
        ReplicaSet updated = dc.api.update(DeploymentUtil.withReplicasAnnotations(
                ReplicaSets.withReplicas(rs, newScale), desired, max));
        if (sizeNeedsUpdate) {
            recorder().eventf(d, "Normal", SCALING_REPLICA_SET, "Scaled %s replica set %s to %d from %d",
                    scalingOperation, updated.name(), newScale, oldScale);
        }
        return new Scaled(sizeNeedsUpdate, updated);
    }

    // ---- history ----

    /** Deletes the oldest old ReplicaSets beyond revisionHistoryLimit that are empty and settled. */
    // tag::cleanup-deployment[]
    void cleanupDeployment(List<ReplicaSet> oldRSs) {
        Integer limit = d.spec().revisionHistoryLimit();
        if (limit == null) {
            return;
        }
        List<ReplicaSet> cleanable = new ArrayList<>(oldRSs.stream()
                .filter(rs -> rs != null && !rs.metadata().isBeingDeleted()).toList());
        int diff = cleanable.size() - limit;
        if (diff <= 0) {
            return;
        }
        cleanable.sort(ReplicaSets.BY_REVISION);
        for (int i = 0; i < diff; i++) {
            ReplicaSet rs = cleanable.get(i);
            long observed = rs.status() == null || rs.status().observedGeneration() == null
                    ? 0 : rs.status().observedGeneration();
            long generation = rs.metadata().generation() == null ? 0 : rs.metadata().generation();
            if (ReplicaSets.actualReplicas(rs) != 0 || ReplicaSets.replicas(rs) != 0 || generation > observed) {
                continue; // still has pods, or its controller has not seen its last change
            }
            try {
                dc.api.delete(ReplicaSet.class, rs.namespace(), rs.name());
            } catch (ApiException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
    }
    // end::cleanup-deployment[]

    // ---- status ----

    /** Counts over all ReplicaSets, the conditions carried over, and Available set. */
    DeploymentStatus calculateStatus(List<ReplicaSet> allRSs, ReplicaSet newRS) {
        int available = ReplicaSets.availableReplicaCount(allRSs);
        int total = ReplicaSets.replicaCount(allRSs);
        DeploymentStatus old = statusOf(d);
        DeploymentStatus s = new DeploymentStatus(DeploymentConditions.generation(d),
                ReplicaSets.actualReplicaCount(allRSs), newRS == null ? 0 : ReplicaSets.actualReplicas(newRS),
                ReplicaSets.readyReplicaCount(allRSs), available, Math.max(0, total - available),
                old.terminatingReplicas(), old.conditions(), old.collisionCount());
        DeploymentCondition availability = available >= replicas(d) - DeploymentUtil.maxUnavailable(d)
                ? DeploymentConditions.newCondition(DeploymentCondition.AVAILABLE, DeploymentConditions.TRUE,
                        DeploymentConditions.MINIMUM_REPLICAS_AVAILABLE, "Deployment has minimum availability.", dc.now())
                : DeploymentConditions.newCondition(DeploymentCondition.AVAILABLE, DeploymentConditions.FALSE,
                        DeploymentConditions.MINIMUM_REPLICAS_UNAVAILABLE,
                        "Deployment does not have minimum availability.", dc.now());
        return DeploymentConditions.set(s, availability);
    }

    /** Writes the calculated status if it differs from the stored one. */
    void syncDeploymentStatus(List<ReplicaSet> allRSs, ReplicaSet newRS) {
        DeploymentStatus s = calculateStatus(allRSs, newRS);
        if (!s.equals(d.status())) {
            d = d.withStatus(s);
            updateStatus();
        }
    }

    /** Records that the current generation was seen, and nothing else (a Deployment the controller refuses). */
    void observeGenerationOnly() {
        DeploymentStatus s = statusOf(d);
        long generation = DeploymentConditions.generation(d);
        if (s.observedGeneration() == null || s.observedGeneration() < generation) {
            d = d.withStatus(new DeploymentStatus(generation, s.replicas(), s.updatedReplicas(), s.readyReplicas(),
                    s.availableReplicas(), s.unavailableReplicas(), s.terminatingReplicas(), s.conditions(),
                    s.collisionCount()));
            updateStatus();
        }
    }

    static List<ReplicaSet> all(List<ReplicaSet> oldRSs, ReplicaSet newRS) {
        List<ReplicaSet> all = new ArrayList<>(oldRSs);
        if (newRS != null) {
            all.add(newRS);
        }
        return all;
    }
}
