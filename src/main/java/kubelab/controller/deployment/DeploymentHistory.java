package kubelab.controller.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.serialization.Json;
import kubelab.apiserver.Api;

/**
 * {@code kubectl rollout history deployment/<name>}: one line per revision kept (each old
 * ReplicaSet is a revision) with its {@code kubernetes.io/change-cause}, or the pod template of one
 * revision. Old ReplicaSets deleted beyond {@code revisionHistoryLimit} are no longer listed: they
 * can no longer be rolled back to.
 *
 * <p>Real Kubernetes: {@code DeploymentHistoryViewer} in kubectl's {@code pkg/polymorphichelpers/history.go}.
 */
public final class DeploymentHistory {

    /** One revision: its number, its change-cause ("" if none) and its pod template. */
    public record Revision(long revision, String changeCause, PodTemplateSpec template) {
    }

    private DeploymentHistory() {
    }

    /** The Deployment's revisions, lowest first. */
    public static List<Revision> revisions(Api api, String namespace, String name) {
        Deployment d = api.get(Deployment.class, namespace, name);
        Map<Long, Revision> byRevision = new TreeMap<>();
        for (ReplicaSet rs : DeploymentRollback.replicaSetsOf(api, d)) {
            long v = DeploymentUtil.revision(rs);
            String cause = rs.metadata().annotations().getOrDefault(DeploymentUtil.CHANGE_CAUSE_ANNOTATION, "");
            byRevision.put(v, new Revision(v, cause, rs.spec().template()));
        }
        return new ArrayList<>(byRevision.values());
    }

    /**
     * What {@code kubectl rollout history} prints, byte for byte (a space ends the first line, a
     * blank line the output), e.g.
     * <pre>
     * deployment.apps/nginx-deployment
     * REVISION  CHANGE-CAUSE
     * 1         &lt;none&gt;
     * 2         kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
     *
     * </pre>
     */
    public static String render(Api api, String namespace, String name) {
        List<Revision> revisions = revisions(api, namespace, name);
        // kubectl's name printer: "<resource> <operation>\n", the operation being "\n" + the table.
        StringBuilder out = new StringBuilder("deployment.apps/").append(name).append(" \n");
        if (revisions.isEmpty()) {
            return out.append("No rollout history found.\n").toString();
        }
        int width = "REVISION".length();
        for (Revision r : revisions) {
            width = Math.max(width, Long.toString(r.revision()).length());
        }
        String format = "%-" + (width + 2) + "s%s\n"; // kubectl's tabwriter: padding 2
        out.append(String.format(format, "REVISION", "CHANGE-CAUSE"));
        for (Revision r : revisions) {
            out.append(String.format(format, r.revision(), r.changeCause().isEmpty() ? "<none>" : r.changeCause()));
        }
        return out.append('\n').toString();
    }

    /** {@code --revision=N}: the pod template of that revision (as YAML, where kubectl prints it describe-style). */
    public static String render(Api api, String namespace, String name, long revision) {
        return revisions(api, namespace, name).stream().filter(r -> r.revision() == revision).findFirst()
                .map(r -> "deployment.apps/" + name + " with revision #" + revision + "\n"
                        + "Pod Template:\n" + Json.toYaml(r.template()))
                .orElseThrow(() -> new IllegalStateException("unable to find the specified revision"));
    }
}
