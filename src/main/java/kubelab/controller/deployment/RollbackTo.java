package kubelab.controller.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;

/**
 * The old, server-side rollback that the controller still honours: a Deployment annotated
 * {@code deprecated.deployment.rollback.to: "<revision>"} (what {@code extensions/v1beta1}'s
 * {@code spec.rollbackTo} became) gets that revision's template and annotations copied in by the
 * controller itself, with a {@code DeploymentRollback} event, and the annotation removed. Revision 0
 * means the previous one. Today kubectl does the copying on the client instead
 * ({@link DeploymentRollback#undo}); the events below come only from this path.
 *
 * <p>Real Kubernetes: {@code pkg/controller/deployment/rollback.go}.
 */
final class RollbackTo {
    /** Normal: the template of the revision was restored. */
    static final String ROLLBACK_DONE = "DeploymentRollback";
    /** Warning: no such revision (or no previous one). */
    static final String ROLLBACK_REVISION_NOT_FOUND = "DeploymentRollbackRevisionNotFound";
    /** Warning: the revision's template is the current one. */
    static final String ROLLBACK_TEMPLATE_UNCHANGED = "DeploymentRollbackTemplateUnchanged";

    private RollbackTo() {
    }

    /** The revision asked for by the annotation, or null if none (or not a number). */
    static Long getRollbackTo(Deployment d) {
        String v = d.metadata().annotations().get(DeploymentUtil.DEPRECATED_ROLLBACK_TO);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static void rollback(DeploymentSync sync) {
        List<ReplicaSet> old = new java.util.ArrayList<>();
        ReplicaSet newRS = sync.getAllReplicaSetsAndSyncRevision(old, true);
        List<ReplicaSet> allRSs = DeploymentSync.all(old, newRS);
        long revision = getRollbackTo(sync.d);
        if (revision == 0) {
            revision = lastRevision(allRSs);
            if (revision == 0) {
                warn(sync, ROLLBACK_REVISION_NOT_FOUND, "Unable to find last revision.");
                updateDeploymentAndClearRollbackTo(sync);
                return;
            }
        }
        for (ReplicaSet rs : allRSs) {
            if (DeploymentUtil.revision(rs) != revision) {
                continue;
            }
            Deployment d = sync.d;
            if (DeploymentUtil.equalIgnoreHash(d.spec().template(), rs.spec().template())) {
                warn(sync, ROLLBACK_TEMPLATE_UNCHANGED,
                        "The rollback revision contains the same template as current deployment \"" + d.name() + "\"");
                updateDeploymentAndClearRollbackTo(sync);
                return;
            }
            Map<String, String> annotations = new LinkedHashMap<>();
            d.metadata().annotations().forEach((k, v) -> {
                if (DeploymentUtil.ANNOTATIONS_TO_SKIP.contains(k)) {
                    annotations.put(k, v);
                }
            });
            rs.metadata().annotations().forEach((k, v) -> {
                if (!DeploymentUtil.ANNOTATIONS_TO_SKIP.contains(k)) {
                    annotations.put(k, v);
                }
            });
            sync.d = d.withSpec(d.spec().withTemplate(DeploymentUtil.withoutHashLabel(rs.spec().template())))
                    .withMetadata(d.metadata().withAnnotations(annotations));
            updateDeploymentAndClearRollbackTo(sync);
            sync.dc.recorder.event(sync.d, "Normal", ROLLBACK_DONE,
                    "Rolled back deployment \"" + sync.d.name() + "\" to revision " + revision);
            return;
        }
        warn(sync, ROLLBACK_REVISION_NOT_FOUND, "Unable to find the revision to rollback to.");
        updateDeploymentAndClearRollbackTo(sync);
    }

    /** The second-highest revision among the ReplicaSets (0 if there is none). */
    static long lastRevision(List<ReplicaSet> allRSs) {
        long max = 0;
        long secMax = 0;
        for (ReplicaSet rs : allRSs) {
            long v = DeploymentUtil.revision(rs);
            if (v >= max) {
                secMax = max;
                max = v;
            } else if (v > secMax) {
                secMax = v;
            }
        }
        return secMax;
    }

    private static void warn(DeploymentSync sync, String reason, String message) {
        sync.dc.recorder.event(sync.d, "Warning", reason, message);
    }

    private static void updateDeploymentAndClearRollbackTo(DeploymentSync sync) {
        Map<String, String> annotations = new LinkedHashMap<>(sync.d.metadata().annotations());
        annotations.remove(DeploymentUtil.DEPRECATED_ROLLBACK_TO);
        sync.d = sync.dc.api.update(sync.d.withMetadata(sync.d.metadata().withAnnotations(annotations)));
    }
}
