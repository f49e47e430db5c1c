package kubelab.controller.deployment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.labels.Selector;
import kubelab.api.meta.OwnerReference;
import kubelab.api.serialization.Json;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.PatchOptions;
import kubelab.apiserver.PatchType;

/**
 * {@code kubectl rollout undo deployment/<name> [--to-revision=N]}: puts the pod template of an
 * old ReplicaSet back into the Deployment. In Kubernetes this is the client's job, not the
 * controller's: kubectl finds the ReplicaSet of the wanted revision (by default the one before the
 * latest), copies its template without the pod-template-hash label and its annotations (the
 * change-cause among them) into the Deployment with one JSON patch, and the deployment controller
 * then sees an ordinary template change. Its usual rollout finds that old ReplicaSet as the new one
 * and gives it the next revision number (the number it had goes to {@code revision-history}).
 *
 * <p>Real Kubernetes: {@code DeploymentRollbacker} in kubectl's
 * {@code pkg/polymorphichelpers/rollback.go}.
 */
public final class DeploymentRollback {
    private DeploymentRollback() {
    }

    /**
     * Rolls {@code namespace/name} back to {@code toRevision} (0: the previous revision).
     *
     * @return what kubectl prints: {@code deployment.apps/<name> rolled back}, or
     *         {@code ... skipped rollback (current template already matches revision N)}
     * @throws IllegalStateException with kubectl's message when the Deployment is paused or the
     *                               revision is not in its history
     * @throws ApiException          if the Deployment does not exist or the patch fails
     */
    // tag::rollout-undo[]
    public static String undo(Api api, String namespace, String name, long toRevision) {
        Deployment d = api.get(Deployment.class, namespace, name);
        String resource = "deployment.apps/" + name;
        if (DeploymentUtil.paused(d)) {
            throw new IllegalStateException("you cannot rollback a paused deployment; resume it first with "
                    + "'kubectl rollout resume deployment/" + name + "' and try again");
        }
        ReplicaSet rs = rsForRevision(api, d, toRevision);
        if (DeploymentUtil.equalIgnoreHash(rs.spec().template(), d.spec().template())) {
            return resource + " skipped rollback (current template already matches revision " + toRevision + ")";
        }
        PodTemplateSpec template = DeploymentUtil.withoutHashLabel(rs.spec().template());
        Map<String, String> annotations = new LinkedHashMap<>();
        d.metadata().annotations().forEach((k, v) -> {
            if (DeploymentUtil.ANNOTATIONS_TO_SKIP.contains(k)) {
                annotations.put(k, v); // the Deployment keeps its own revision bookkeeping
            }
        });
        rs.metadata().annotations().forEach((k, v) -> {
            if (!DeploymentUtil.ANNOTATIONS_TO_SKIP.contains(k)) {
                annotations.put(k, v);
            }
        });
        ArrayNode patch = Json.mapper().createArrayNode();
        patch.add(replace("/spec/template", Json.toTree(template)));
        patch.add(replace("/metadata/annotations", Json.toTree(annotations)));
        try {
            api.patch(Deployment.class, namespace, name, PatchType.JSON, Json.toJson(patch), PatchOptions.DEFAULT);
        } catch (ApiException e) {
            throw new IllegalStateException("failed restoring revision " + toRevision + ": " + e.getMessage(), e);
        }
        return resource + " rolled back";
    }
    // end::rollout-undo[]

    private static ObjectNode replace(String path, com.fasterxml.jackson.databind.JsonNode value) {
        ObjectNode op = Json.mapper().createObjectNode();
        op.put("op", "replace");
        op.put("path", path);
        op.set("value", value);
        return op;
    }

    /** The ReplicaSet of {@code toRevision}; for 0, the one with the second-highest revision. */
    static ReplicaSet rsForRevision(Api api, Deployment d, long toRevision) {
        ReplicaSet latest = null;
        long latestRevision = -1;
        ReplicaSet previous = null;
        long previousRevision = -1;
        for (ReplicaSet rs : replicaSetsOf(api, d)) {
            long v = DeploymentUtil.revision(rs);
            if (toRevision == 0) {
                if (latestRevision < v) {
                    previous = latest;
                    previousRevision = latestRevision;
                    latest = rs;
                    latestRevision = v;
                } else if (previousRevision < v) {
                    previous = rs;
                    previousRevision = v;
                }
            } else if (toRevision == v) {
                return rs;
            }
        }
        if (toRevision > 0) {
            throw new IllegalStateException("unable to find specified revision " + toRevision + " in history");
        }
        if (previous == null) {
            throw new IllegalStateException("no rollout history found for deployment \"" + d.name() + "\"");
        }
        return previous;
    }

    /** The ReplicaSets the Deployment controls, read from the API server as kubectl does, oldest first. */
    static List<ReplicaSet> replicaSetsOf(Api api, Deployment d) {
        Selector selector = Selector.from(d.spec().selector());
        return api.list(ReplicaSet.class, d.namespace()).items().stream()
                .filter(rs -> selector.matches(rs.metadata().labels()))
                .filter(rs -> {
                    OwnerReference ref = rs.metadata().controllerRef();
                    return ref != null && Objects.equals(ref.uid(), d.metadata().uid());
                })
                .sorted(ReplicaSets.BY_CREATION_TIMESTAMP)
                .toList();
    }
}
