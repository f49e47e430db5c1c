package kubelab.cluster;

import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.Status;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.CreateOptions;
import kubelab.apiserver.UpdateOptions;

/**
 * Sends objects to the API as {@code kubectl apply} does for a first apply: create, or, when the
 * object exists, update it with what the file says (the server keeps status and the fields it
 * owns). Each object gets a one-line outcome in kubectl's words, and its fields are recorded in
 * managedFields under {@code kubectl-client-side-apply}, as kubectl's own writes are.
 *
 * <p>Simplified: kubectl computes a three-way merge against the last-applied annotation and sends a
 * patch; here the file's object replaces the stored one's spec, metadata labels and annotations.
 *
 * <p>Real Kubernetes: {@code kubectl apply} ({@code staging/src/k8s.io/kubectl/pkg/cmd/apply}).
 */
public final class Applier {
    /** The field manager kubectl names itself for a client-side apply, in managedFields. */
    public static final String FIELD_MANAGER = "kubectl-client-side-apply";

    private final Api api;

    public Applier(Api api) {
        this.api = api;
    }

    /**
     * What became of one object: the stored object and {@code deployment.apps/web created}, or the
     * server's refusal as kubectl prints it.
     */
    public record Outcome(String source, KubeObject object, String line, Status failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** Applies one object; {@code source} names the file it came from, for error messages. */
    public Outcome apply(KubeObject object, String source) {
        ResourceType type = api.scheme().of(object);
        String name = object.metadata() == null ? null : object.metadata().name();
        try {
            KubeObject created = api.create(object, new CreateOptions(false, FIELD_MANAGER));
            return new Outcome(source, created, type.objectName(created.name()) + " created", null);
        } catch (ApiException e) {
            if (!"AlreadyExists".equals(e.reason()) || name == null) {
                return refused(source, "creating", e);
            }
        }
        try {
            KubeObject current = api.get(object.getClass(), object.namespace(), name);
            KubeObject desired = object.withMetadata(object.metadata()
                    .withResourceVersion(current.metadata().resourceVersion()));
            KubeObject updated = api.update(desired, new UpdateOptions(false, FIELD_MANAGER));
            boolean unchanged = updated.metadata().resourceVersion().equals(current.metadata().resourceVersion());
            return new Outcome(source, updated, type.objectName(name) + (unchanged ? " unchanged" : " configured"), null);
        } catch (ApiException e) {
            return refused(source, "patching", e);
        }
    }

    /** {@code Error from server (NotFound): error when creating "pod.yaml": namespaces "x" not found}. */
    private static Outcome refused(String source, String verb, ApiException e) {
        String line = "Error from server (" + e.reason() + "): error when " + verb + " \"" + source + "\": "
                + e.getMessage();
        return new Outcome(source, null, line, e.status());
    }
}
