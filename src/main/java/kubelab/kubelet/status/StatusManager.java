package kubelab.kubelet.status;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import kubelab.api.core.Pod;
import kubelab.api.core.PodStatus;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.DeleteOptions;
import kubelab.client.Retry;

/**
 * The kubelet's single writer of pod status: it keeps the last status it wrote for each pod and
 * writes through the status subresource only when the status changed, re-reading and retrying on
 * a 409 Conflict. When a deleted pod has stopped everything, it deletes the pod object for good
 * (grace 0, only if the uid still matches), which is what lets a graceful deletion finish.
 *
 * <p>Real Kubernetes: {@code status.Manager} in {@code pkg/kubelet/status/status_manager.go}
 * ({@code SetPodStatus}, {@code syncPod}, {@code canBeDeleted}).
 */
public final class StatusManager {
    private final Api api;
    private final Map<String, PodStatus> written = new HashMap<>();
    private boolean stopped;

    public StatusManager(Api api) {
        this.api = api;
    }

    /** The status last written for the pod, or null. */
    public PodStatus lastWritten(String uid) {
        return written.get(uid);
    }

    /**
     * Writes {@code status} for {@code pod} unless it is what was written last.
     *
     * @return the pod as stored after the write, or {@code pod} if nothing was written
     */
    public Pod setPodStatus(Pod pod, PodStatus status) {
        String uid = pod.metadata().uid();
        if (stopped || status.equals(written.get(uid))
                || (written.get(uid) == null && Objects.equals(status, pod.status()))) {
            return pod;
        }
        try {
            Pod stored = Retry.onConflict(() -> {
                Pod fresh = api.get(Pod.class, pod.metadata().namespace(), pod.metadata().name());
                if (!uid.equals(fresh.metadata().uid())) {
                    return null; // a new pod of the same name: not ours to write
                }
                return api.updateStatus(fresh.withStatus(status));
            });
            written.put(uid, status);
            return stored == null ? pod : stored;
        } catch (ApiException e) {
            if (e.code() == 404) {
                return pod; // deleted meanwhile
            }
            throw e;
        }
    }

    /**
     * Removes a deleted pod's object once its containers are gone: a delete with grace 0 and the
     * pod's uid as precondition, so that a new pod of the same name is never removed by mistake.
     */
    public void deletePod(Pod pod) {
        if (stopped) {
            return;
        }
        try {
            api.delete(Pod.class, pod.metadata().namespace(), pod.metadata().name(),
                    new DeleteOptions(0L, null, pod.metadata().uid(), null, false));
        } catch (ApiException e) {
            if (e.code() != 404 && e.code() != 409) {
                throw e;
            }
        }
        written.remove(pod.metadata().uid());
    }

    /** Forgets a pod that is gone. */
    public void removePod(String uid) {
        written.remove(uid);
    }

    /** Stops writing: the node is down. */
    public void stop() {
        stopped = true;
        written.clear();
    }

    /** Writes again, from a clean slate: the node came back. */
    public void start() {
        stopped = false;
        written.clear();
    }
}
