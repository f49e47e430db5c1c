package kubelab.controller.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kubelab.api.batch.Job;
import kubelab.api.batch.JobCondition;
import kubelab.api.batch.JobSpec;
import kubelab.api.batch.JobStatus;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.labels.Selector;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.admission.NamespaceLifecycle;
import kubelab.client.Cache;
import kubelab.client.InformerFactory;
import kubelab.client.Lister;
import kubelab.client.RateLimitingQueue;
import kubelab.client.ResourceEventHandler;
import kubelab.client.Worker;
import kubelab.client.record.EventRecorder;
import kubelab.controller.replicaset.ControllerExpectations;
import kubelab.time.EventLoop;

/**
 * Runs each Job's pods to completion: it keeps {@code min(parallelism, completions - succeeded)} pods
 * active, replaces failed ones (after a growing back-off) until {@code backoffLimit} is exceeded or
 * {@code activeDeadlineSeconds} has passed, and marks the Job {@code Complete} or {@code Failed}.
 *
 * <p>Level-based like the ReplicaSet controller: handlers only queue the Job's key; {@link #syncJob}
 * re-reads the Job and its pods from the informer caches, and {@link ControllerExpectations} keep it
 * from creating the same pods twice while its cache lags behind its own writes. Only the NonIndexed
 * completion mode is implemented.
 *
 * <p>Real Kubernetes: {@code Controller.syncJob} in {@code pkg/controller/job/job_controller.go}.
 */
public final class JobController {
    public static final String REASON_BACKOFF_LIMIT_EXCEEDED = "BackoffLimitExceeded";
    public static final String MESSAGE_BACKOFF_LIMIT_EXCEEDED = "Job has reached the specified backoff limit";
    public static final String REASON_DEADLINE_EXCEEDED = "DeadlineExceeded";
    public static final String MESSAGE_DEADLINE_EXCEEDED = "Job was active longer than specified deadline";

    private final Api api;
    private final EventLoop loop;
    private final EventRecorder recorder;
    private final Lister<Job> jobLister;
    private final Lister<Pod> podLister;
    private final RateLimitingQueue<String> queue;
    private final ControllerExpectations expectations;
    private final JobBackoff backoff = new JobBackoff();
    private Worker<String> worker;

    /** A Job controller that records no Events; call {@link #start()} once the informers are started. */
    public JobController(Api api, InformerFactory informers, EventLoop loop) {
        this(api, informers, loop, EventRecorder.discarding());
    }

    /** A Job controller that records Events (SuccessfulCreate, Completed, BackoffLimitExceeded, ...). */
    public JobController(Api api, InformerFactory informers, EventLoop loop, EventRecorder recorder) {
        this.api = api;
        this.recorder = recorder;
        this.loop = loop;
        this.queue = new RateLimitingQueue<>("job", loop);
        this.expectations = new ControllerExpectations(loop.clock());
        this.jobLister = informers.listerFor(Job.class);
        this.podLister = informers.listerFor(Pod.class);
        informers.informerFor(Job.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Job job, boolean isInInitialList) {
                queue.add(Cache.metaNamespaceKey(job));
            }

            @Override
            public void onUpdate(Job oldJob, Job newJob) {
                queue.add(Cache.metaNamespaceKey(newJob));
            }

            @Override
            public void onDelete(Job job) {
                String key = Cache.metaNamespaceKey(job);
                expectations.deleteExpectations(key);
                backoff.forget(key);
                queue.add(key);
            }
        });
        informers.informerFor(Pod.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod, boolean isInInitialList) {
                String key = ownerKey(pod);
                if (key != null) {
                    expectations.creationObserved(key);
                    queue.add(key);
                }
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                String key = ownerKey(newPod);
                if (key != null) {
                    if (newPod.metadata().isBeingDeleted()) {
                        expectations.deletionObserved(key, Cache.metaNamespaceKey(newPod));
                    }
                    queue.add(key);
                }
            }

            @Override
            public void onDelete(Pod pod) {
                String key = ownerKey(pod);
                if (key != null) {
                    expectations.deletionObserved(key, Cache.metaNamespaceKey(pod));
                    queue.add(key);
                }
            }
        });
    }

    /** Starts the worker; the informers are started by their factory. */
    public void start() {
        if (worker == null) {
            worker = new Worker<>(queue, loop, this::syncJob);
        }
    }

    public RateLimitingQueue<String> queue() {
        return queue;
    }

    /** The key of the cached Job that controls {@code pod} (same uid), or null. */
    private String ownerKey(Pod pod) {
        OwnerReference ref = pod.metadata().controllerRef();
        if (ref == null || !Job.KIND.equals(ref.kind())) {
            return null;
        }
        return jobLister.inNamespace(pod.namespace()).get(ref.name())
                .filter(job -> Objects.equals(job.metadata().uid(), ref.uid()))
                .map(Cache::metaNamespaceKey).orElse(null);
    }

    /**
     * Brings one Job a step closer to done, from the caches:
     * <ol>
     *   <li>read the Job; if it is gone, forget it; if it has finished, stop;</li>
     *   <li>list its pods (matching its selector, controlled by it) and count them;</li>
     *   <li>set startTime on the first sync;</li>
     *   <li>fail it if failures exceed backoffLimit or activeDeadlineSeconds has passed (deleting its
     *       active pods); complete it once enough pods succeeded;</li>
     *   <li>otherwise, if its expectations are met, create or delete pods towards the wanted number
     *       (creations wait out the failure back-off);</li>
     *   <li>write the status if it changed.</li>
     * </ol>
     */
    // tag::sync-job[]
    public void syncJob(String key) {
        Cache.NamespacedName nn = Cache.splitMetaNamespaceKey(key);
        Job job = jobLister.inNamespace(nn.namespace()).get(nn.name()).orElse(null);
        if (job == null) {
            expectations.deleteExpectations(key);
            backoff.forget(key);
            return;
        }
        JobStatus old = job.status() == null ? emptyStatus() : job.status();
        if (old.hasCondition(JobCondition.COMPLETE) || old.hasCondition(JobCondition.FAILED)) {
            return; // a finished Job is never run again
        }
        boolean satisfied = expectations.satisfiedExpectations(key);
        Instant now = loop.clock().now();
        List<Pod> pods = jobPods(job);
        List<Pod> active = pods.stream().filter(JobController::isActive).toList();
        // Finished pods are counted from the pods still there; the status keeps what was counted
        // before (Kubernetes tracks them with a finalizer so a deleted pod is never lost).
        int succeeded = Math.max(count(pods, PodPhase.SUCCEEDED), zeroIfNull(old.succeeded()));
        int failed = Math.max(count(pods, PodPhase.FAILED), zeroIfNull(old.failed()));
        Instant startTime = old.startTime() != null ? old.startTime() : now;
        JobSpec spec = job.spec();

        List<JobCondition> conditions = new ArrayList<>(old.conditions());
        Instant completionTime = old.completionTime();
        JobCondition finished = null;
        if (failed > backoffLimit(spec)) {
            finished = condition(JobCondition.FAILED, REASON_BACKOFF_LIMIT_EXCEEDED, MESSAGE_BACKOFF_LIMIT_EXCEEDED, now);
        } else if (spec.activeDeadlineSeconds() != null) {
            Instant deadline = startTime.plusSeconds(spec.activeDeadlineSeconds());
            if (!now.isBefore(deadline)) {
                finished = condition(JobCondition.FAILED, REASON_DEADLINE_EXCEEDED, MESSAGE_DEADLINE_EXCEEDED, now);
            } else {
                queue.addAfter(key, Duration.between(now, deadline)); // look again when it falls due
            }
        }
        if (finished == null && isComplete(spec, succeeded, active.size())) {
            finished = condition(JobCondition.COMPLETE, null, null, now);
            completionTime = now;
        }

        ApiException error = null;
        if (finished != null) {
            conditions.add(finished);
            recordFinished(job, finished);
            error = deletePods(key, job, active); // no pod of a finished Job keeps running
            active = List.of();
        } else if (satisfied && !job.metadata().isBeingDeleted()) {
            error = manageJob(key, job, active, succeeded, failed, now);
        }
        int activeCount = finished != null ? 0 : active.size();
        JobStatus status = new JobStatus(conditions, startTime, completionTime, activeCount, succeeded, failed,
                null, null, null, null, (int) active.stream().filter(JobController::isReady).count());
        updateStatusIfChanged(job, old, status);
        if (error != null) {
            throw error; // the worker re-queues the key with back-off
        }
    }
    // end::sync-job[]

    /** Creates or deletes pods so that {@code min(parallelism, completions - succeeded)} are active. */
    private ApiException manageJob(String key, Job job, List<Pod> active, int succeeded, int failed, Instant now) {
        JobSpec spec = job.spec();
        int parallelism = spec.parallelism() == null ? 1 : spec.parallelism();
        int want;
        if (Boolean.TRUE.equals(spec.suspend())) {
            want = 0;
        } else if (spec.completions() == null) {
            want = succeeded > 0 ? 0 : parallelism; // a work queue: once one succeeded, start no more
        } else {
            want = Math.max(0, Math.min(parallelism, spec.completions() - succeeded));
        }
        int diff = active.size() - want;
        Duration wait = backoff.observe(key, failed, succeeded, now);
        if (diff > 0) {
            // Surplus: delete the pods that have done the least first (not ready, then the newest).
            List<Pod> victims = active.stream()
                    .sorted(Comparator.comparing(JobController::isReady)
                            .thenComparing(p -> p.metadata().creationTimestamp(),
                                    Comparator.nullsFirst(Comparator.<Instant>reverseOrder())))
                    .limit(diff).toList();
            return deletePods(key, job, victims);
        }
        if (diff < 0) {
            if (wait.compareTo(Duration.ZERO) > 0) {
                queue.addAfter(key, wait); // a pod failed recently: replace it after the back-off
                return null;
            }
            int toCreate = -diff;
            expectations.expectCreations(key, toCreate); // before the creates: the cache may see them first
            ApiException first = null;
            for (int i = 0; i < toCreate; i++) {
                try {
                    Pod made = api.create(newPod(job));
                    recorder.event(job, Event.TYPE_NORMAL, "SuccessfulCreate", "Created pod: " + made.name());
                } catch (ApiException e) {
                    if (e.hasCause(NamespaceLifecycle.NAMESPACE_TERMINATING_CAUSE)) {
                        continue; // the namespace is going: every create fails, nothing to retry
                    }
                    recorder.event(job, Event.TYPE_WARNING, "FailedCreate", "Error creating: " + e.getMessage());
                    expectations.creationObserved(key); // this one will never be seen
                    first = first == null ? e : first;
                }
            }
            return first;
        }
        return null;
    }

    /** The Event of a Job's end: {@code Completed "Job completed"}, or the failure's reason and message. */
    private void recordFinished(Job job, JobCondition finished) {
        if (JobCondition.COMPLETE.equals(finished.type())) {
            recorder.event(job, Event.TYPE_NORMAL, "Completed", "Job completed");
        } else {
            recorder.event(job, Event.TYPE_WARNING, finished.reason(), finished.message());
        }
    }

    private ApiException deletePods(String key, Job job, List<Pod> pods) {
        if (pods.isEmpty()) {
            return null;
        }
        Set<String> podKeys = new LinkedHashSet<>();
        pods.forEach(p -> podKeys.add(Cache.metaNamespaceKey(p)));
        expectations.expectDeletions(key, podKeys);
        ApiException first = null;
        for (Pod pod : pods) {
            try {
                api.delete(Pod.class, pod.namespace(), pod.name());
                recorder.event(job, Event.TYPE_NORMAL, "SuccessfulDelete", "Deleted pod: " + pod.name());
            } catch (ApiException e) {
                expectations.deletionObserved(key, Cache.metaNamespaceKey(pod));
                if (e.code() != 404 && first == null) {
                    first = e; // a pod already gone is what we wanted
                }
            }
        }
        return first;
    }

    /** Writes the status through the status subresource unless it says what is stored; retries once on 409. */
    private void updateStatusIfChanged(Job job, JobStatus old, JobStatus status) {
        if (old.equals(status)) {
            return; // an unchanged write would wake every watcher for nothing
        }
        try {
            api.updateStatus(job.withStatus(status));
        } catch (ApiException e) {
            if (e.code() != 409) {
                throw e;
            }
            Job stored = api.get(Job.class, job.namespace(), job.name());
            if (!status.equals(stored.status())) {
                api.updateStatus(stored.withStatus(status));
            }
        }
    }

    /** The pods of the Job's namespace that its selector matches and that it controls. */
    private List<Pod> jobPods(Job job) {
        Selector selector = Selector.from(job.spec().selector());
        if (selector.isEmpty()) {
            return List.of(); // an empty selector would claim every pod; the API server always sets one
        }
        return podLister.inNamespace(job.namespace()).list(selector::matches).stream()
                .filter(p -> {
                    OwnerReference ref = p.metadata().controllerRef();
                    return ref != null && Objects.equals(ref.uid(), job.metadata().uid());
                }).toList();
    }

    /** NonIndexed: done when completions pods succeeded; without completions, when one did and none runs. */
    private static boolean isComplete(JobSpec spec, int succeeded, int active) {
        if (spec.completions() == null) {
            return succeeded > 0 && active == 0;
        }
        return succeeded >= spec.completions();
    }

    /** A pod from the Job's template, named by the server from "&lt;job-name&gt;-", controlled by the Job. */
    static Pod newPod(Job job) {
        PodTemplateSpec template = job.spec().template();
        ObjectMeta tm = template.metadata();
        Map<String, String> labels = tm == null ? Map.of() : tm.labels();
        Map<String, String> annotations = tm == null ? Map.of() : tm.annotations();
        ObjectMeta meta = ObjectMeta.of(job.namespace(), null).withGenerateName(job.name() + "-")
                .withLabels(labels).withAnnotations(annotations)
                .withOwnerReferences(List.of(OwnerReference.controllerOf(job)));
        return Pod.of(meta, template.spec());
    }

    private static JobCondition condition(String type, String reason, String message, Instant now) {
        return new JobCondition(type, "True", now, now, reason, message);
    }

    private static JobStatus emptyStatus() {
        return new JobStatus(List.of(), null, null, null, null, null, null, null, null, null, null);
    }

    /** Running or about to: not finished and not being deleted. */
    static boolean isActive(Pod pod) {
        String phase = pod.status() == null ? null : pod.status().phase();
        return !PodPhase.SUCCEEDED.equals(phase) && !PodPhase.FAILED.equals(phase)
                && !pod.metadata().isBeingDeleted();
    }

    static boolean isReady(Pod pod) {
        if (pod.status() == null) {
            return false;
        }
        PodCondition ready = pod.status().condition(PodConditionType.READY);
        return ready != null && ready.isTrue();
    }

    private static int count(List<Pod> pods, String phase) {
        return (int) pods.stream().filter(p -> p.status() != null && phase.equals(p.status().phase())).count();
    }

    private static int backoffLimit(JobSpec spec) {
        return spec.backoffLimit() == null ? 6 : spec.backoffLimit();
    }

    private static int zeroIfNull(Integer i) {
        return i == null ? 0 : i;
    }
}
