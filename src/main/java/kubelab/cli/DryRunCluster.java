package kubelab.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kubelab.api.Scheme;
import kubelab.api.core.Namespace;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.Status;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.CreateOptions;
import kubelab.apiserver.UpdateOptions;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;

/**
 * A fresh, empty, in-process cluster that answers one question per object: would the API server
 * accept it? Each object is sent as a dry-run create, so it passes defaulting, admission and
 * validation exactly as a real create would, and nothing is stored.
 *
 * <p>Only namespaces are really created, because admission refuses an object in a namespace that
 * does not exist, and a learner validating {@code cpu-request-limit.yaml} wants to hear about the
 * pod, not about a namespace they have not made yet. Namespaces the objects merely mention are
 * taken as existing; a Namespace the files declare is itself validated first, then created, so its
 * own mistakes are reported and the objects in it are judged against it.
 *
 * <p>The cluster runs on a {@link SimulatedLoop} with a fixed seed, so generated names and uids,
 * and therefore every line of output, are the same on every run.
 *
 * <p>Real Kubernetes: {@code kubectl apply --dry-run=server} against a new cluster
 * ({@code dryRun=All} in {@code k8s.io/apiserver/pkg/endpoints/handlers/create.go}).
 */
final class DryRunCluster {
    /** Any fixed seed will do; fixing it is what makes the output reproducible. */
    static final long SEED = 1;

    private final ApiServer api;

    DryRunCluster() {
        this.api = new ApiServer(new MemoryStore(), Scheme.standard(), new SimulatedLoop(SEED));
    }

    /**
     * What the server says about one object: the object as it would be stored, or the failure.
     *
     * @param accepted the object as the dry run returned it (defaults applied), or null
     * @param failure  the Status of the refusal, or null
     */
    record Outcome(KubeObject accepted, Status failure) {
        boolean valid() {
            return failure == null;
        }
    }

    /**
     * Dry-runs every object and returns one outcome per object, in the same order.
     *
     * <ol>
     *   <li>Each Namespace among the objects, in order: dry-run it, and if it passes, create it.</li>
     *   <li>Every other namespace an object names: create it, as if it had been made before.</li>
     *   <li>Every other object, in order: dry-run it.</li>
     * </ol>
     */
    List<Outcome> validateAll(List<KubeObject> objects) {
        Outcome[] outcomes = new Outcome[objects.size()];
        Set<String> declared = new LinkedHashSet<>();
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i) instanceof Namespace ns) {
                outcomes[i] = dryRun(ns);
                declared.add(ns.name());
                if (outcomes[i].valid()) {
                    createIfAbsent(ns);
                }
            }
        }
        for (KubeObject object : objects) {
            String ns = object.namespace();
            boolean namespaced = api.scheme().of(object).namespaced();
            if (namespaced && ns != null && !ns.isEmpty() && !declared.contains(ns)) {
                createIfAbsent(Namespace.named(ns));
            }
        }
        for (int i = 0; i < objects.size(); i++) {
            if (outcomes[i] == null) {
                outcomes[i] = dryRun(objects.get(i));
            }
        }
        return List.of(outcomes);
    }

    /**
     * A dry-run create, or, for an object that already exists (a Namespace the files declare
     * twice, or {@code default}), a dry-run update: what {@code kubectl apply} would send.
     */
    private Outcome dryRun(KubeObject object) {
        try {
            return new Outcome(api.create(object, CreateOptions.DRY_RUN), null);
        } catch (ApiException e) {
            if (!"AlreadyExists".equals(e.reason())) {
                return new Outcome(null, e.status());
            }
        }
        try {
            return new Outcome(api.update(object, UpdateOptions.DRY_RUN), null);
        } catch (ApiException e) {
            return new Outcome(null, e.status());
        }
    }

    /**
     * Creates a namespace for real. A refusal is left for the objects in it to report
     * ({@code namespaces "Bad_Name" not found}), which is what applying them would show.
     */
    private void createIfAbsent(Namespace namespace) {
        try {
            api.create(namespace);
        } catch (ApiException e) {
            // AlreadyExists (default, or declared twice) is what we wanted; anything else is
            // reported by the objects that needed the namespace.
        }
    }
}
