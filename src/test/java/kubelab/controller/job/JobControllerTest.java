package kubelab.controller.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.batch.Job;
import kubelab.api.batch.JobCondition;
import kubelab.api.batch.JobSpec;
import kubelab.api.batch.JobStatus;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodStatus;
import kubelab.api.serialization.ManifestReader;
import kubelab.api.serialization.ObjectDecoder;
import kubelab.apiserver.ApiServer;
import kubelab.client.InformerFactory;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The Job controller")
class JobControllerTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    private final SimulatedLoop loop = new SimulatedLoop(3);
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    private final InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
    private final JobController controller = new JobController(api, informers, loop);

    /** The documentation's pi Job (controllers/job.yaml), in the default namespace. */
    private static Job pi() {
        Job job = (Job) new ObjectDecoder(Scheme.standard())
                .decodeAll(ManifestReader.read(EXAMPLES.resolve("controllers/job.yaml"))).get(0).object();
        return job.withMetadata(job.metadata().withNamespace("default"));
    }

    /** The pi Job with other parallelism, completions and activeDeadlineSeconds. */
    private static Job pi(Integer parallelism, Integer completions, Long activeDeadlineSeconds) {
        Job job = pi();
        JobSpec s = job.spec();
        return job.withSpec(new JobSpec(parallelism, completions, activeDeadlineSeconds,
                s.podFailurePolicy(), s.successPolicy(), s.backoffLimit(), s.backoffLimitPerIndex(),
                s.maxFailedIndexes(), s.selector(), s.manualSelector(), s.template(), s.ttlSecondsAfterFinished(),
                s.completionMode(), s.suspend(), s.podReplacementPolicy(), s.managedBy()));
    }

    private void run() {
        informers.start();
        controller.start();
        loop.settle();
    }

    private List<Pod> pods() {
        return api.list(Pod.class, "default").items();
    }

    private List<Pod> podsIn(String phase) {
        return pods().stream().filter(p -> phase.equals(phaseOf(p))).toList();
    }

    private List<Pod> activePods() {
        return pods().stream().filter(JobController::isActive).toList();
    }

    private static String phaseOf(Pod p) {
        return p.status() == null ? null : p.status().phase();
    }

    /** Plays the kubelet: sets the pod's phase (and Ready) through the status subresource. */
    private void setPhase(Pod pod, String phase, boolean ready) {
        Pod current = api.get(Pod.class, "default", pod.name());
        PodStatus status = PodStatus.empty().withPhase(phase).withCondition(PodCondition.of(PodConditionType.READY,
                ready ? ConditionStatus.TRUE : ConditionStatus.FALSE, loop.now()));
        api.updateStatus(current.withStatus(status));
    }

    private JobStatus status() {
        return api.get(Job.class, "default", "pi").status();
    }

    private JobCondition condition(String type) {
        return status().conditions().stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
    }

    @Test
    @DisplayName("a Job creates one pod and completes when it succeeds (the documentation's pi job)")
    void piJobCompletes() {
        Job job = api.create(pi());
        run();

        List<Pod> pods = pods();
        assertThat(pods).hasSize(1);
        Pod pod = pods.get(0);
        assertThat(pod.name()).matches("pi-[a-z0-9]{5}");
        assertThat(pod.metadata().controllerRef().kind()).isEqualTo("Job");
        assertThat(pod.metadata().controllerRef().uid()).isEqualTo(job.metadata().uid());
        assertThat(pod.metadata().labels()).containsEntry("batch.kubernetes.io/job-name", "pi");
        assertThat(pod.spec().restartPolicy()).isEqualTo("Never");
        assertThat(status().startTime()).isEqualTo(loop.now());
        assertThat(status().active()).isEqualTo(1);

        setPhase(pod, PodPhase.SUCCEEDED, false);
        loop.settle();

        assertThat(condition(JobCondition.COMPLETE)).isNotNull()
                .satisfies(c -> assertThat(c.status()).isEqualTo("True"));
        assertThat(status().completionTime()).isEqualTo(loop.now());
        assertThat(status().succeeded()).isEqualTo(1);
        assertThat(status().active()).isZero();
        assertThat(pods()).hasSize(1); // the finished pod stays, so its logs can be read
    }

    @Test
    @DisplayName("parallelism 2, completions 4 runs two at a time until four succeed")
    void parallelJob() {
        api.create(pi(2, 4, null));
        run();

        for (int round = 1; round <= 2; round++) {
            List<Pod> running = activePods();
            assertThat(running).as("round %d", round).hasSize(2);
            assertThat(condition(JobCondition.COMPLETE)).isNull();
            running.forEach(p -> setPhase(p, PodPhase.SUCCEEDED, false));
            loop.settle();
        }

        assertThat(podsIn(PodPhase.SUCCEEDED)).hasSize(4);
        assertThat(activePods()).isEmpty();
        assertThat(status().succeeded()).isEqualTo(4);
        assertThat(condition(JobCondition.COMPLETE).status()).isEqualTo("True");
    }

    @Test
    @DisplayName("only the completions still missing are started: 3 of 4 done leaves one pod, not two")
    void lastRoundStartsOnePod() {
        api.create(pi(2, 3, null));
        run();
        activePods().forEach(p -> setPhase(p, PodPhase.SUCCEEDED, false));
        loop.settle();

        assertThat(activePods()).hasSize(1);
    }

    @Test
    @DisplayName("lowering parallelism deletes the surplus pods, the not-ready one first")
    void lowerParallelism() {
        api.create(pi(2, 4, null));
        run();
        List<Pod> pods = activePods();
        setPhase(pods.get(0), PodPhase.RUNNING, true);
        setPhase(pods.get(1), PodPhase.RUNNING, false);
        loop.settle();

        Job job = api.get(Job.class, "default", "pi");
        JobSpec s = job.spec();
        api.update(job.withSpec(new JobSpec(1, s.completions(), s.activeDeadlineSeconds(), s.podFailurePolicy(),
                s.successPolicy(), s.backoffLimit(), s.backoffLimitPerIndex(), s.maxFailedIndexes(), s.selector(),
                s.manualSelector(), s.template(), s.ttlSecondsAfterFinished(), s.completionMode(), s.suspend(),
                s.podReplacementPolicy(), s.managedBy())));
        loop.settle();

        assertThat(activePods()).extracting(Pod::name).containsExactly(pods.get(0).name());
    }

    @Test
    @DisplayName("a failed pod is replaced until backoffLimit is exceeded, then the Job fails with BackoffLimitExceeded")
    void backoffLimitExceeded() {
        api.create(pi()); // backoffLimit: 4
        run();

        for (int failures = 1; failures <= 5; failures++) {
            assertThat(condition(JobCondition.FAILED)).as("after %d failures", failures - 1).isNull();
            List<Pod> running = activePods();
            assertThat(running).hasSize(1);
            setPhase(running.get(0), PodPhase.FAILED, false);
            loop.settle();
        }

        JobCondition failed = condition(JobCondition.FAILED);
        assertThat(failed.status()).isEqualTo("True");
        assertThat(failed.reason()).isEqualTo("BackoffLimitExceeded");
        assertThat(failed.message()).isEqualTo("Job has reached the specified backoff limit");
        assertThat(status().failed()).isEqualTo(5);
        assertThat(podsIn(PodPhase.FAILED)).hasSize(5);
        assertThat(activePods()).isEmpty();
    }

    @Test
    @DisplayName("a replacement waits out the failure back-off: 10 s after the first failure, 20 s after the second")
    void failureBackoff() {
        api.create(pi());
        run();

        setPhase(activePods().get(0), PodPhase.FAILED, false);
        loop.advance(Duration.ofSeconds(9));
        assertThat(activePods()).isEmpty();
        loop.advance(Duration.ofSeconds(1));
        assertThat(activePods()).hasSize(1);

        setPhase(activePods().get(0), PodPhase.FAILED, false);
        loop.advance(Duration.ofSeconds(19));
        assertThat(activePods()).isEmpty();
        loop.advance(Duration.ofSeconds(1));
        assertThat(activePods()).hasSize(1);
    }

    @Test
    @DisplayName("the failure back-off doubles from 10 s and is capped at six minutes")
    void backoffDelays() {
        assertThat(JobBackoff.delay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(JobBackoff.delay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(JobBackoff.delay(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(JobBackoff.delay(10)).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    @DisplayName("activeDeadlineSeconds fails the Job with DeadlineExceeded and deletes its pods")
    void activeDeadline() {
        api.create(pi(2, 4, 100L));
        informers.start();
        controller.start();
        loop.runReady();
        assertThat(activePods()).hasSize(2);
        Instant started = loop.now();

        loop.advance(Duration.ofSeconds(99));
        assertThat(condition(JobCondition.FAILED)).isNull();
        loop.advance(Duration.ofSeconds(1));

        JobCondition failed = condition(JobCondition.FAILED);
        assertThat(failed.status()).isEqualTo("True");
        assertThat(failed.reason()).isEqualTo("DeadlineExceeded");
        assertThat(failed.message()).isEqualTo("Job was active longer than specified deadline");
        assertThat(failed.lastTransitionTime()).isEqualTo(started.plusSeconds(100));
        assertThat(activePods()).isEmpty();
        assertThat(status().active()).isZero();
    }

    @Test
    @DisplayName("status counts active, succeeded, failed and ready pods")
    void statusCounts() {
        api.create(pi(3, 5, null));
        run();
        List<Pod> pods = activePods();
        assertThat(pods).hasSize(3);

        setPhase(pods.get(0), PodPhase.SUCCEEDED, false);
        setPhase(pods.get(1), PodPhase.FAILED, false);
        setPhase(pods.get(2), PodPhase.RUNNING, true);
        loop.runReady();

        JobStatus status = status();
        assertThat(status.succeeded()).isEqualTo(1);
        assertThat(status.failed()).isEqualTo(1);
        assertThat(status.active()).isEqualTo(1); // replacements wait out the failure back-off
        assertThat(status.ready()).isEqualTo(1);
        assertThat(status.conditions()).isEmpty();

        loop.advance(JobBackoff.DEFAULT_BACKOFF);
        assertThat(status().active()).isEqualTo(3); // min(parallelism 3, 5 - 1 succeeded)
        assertThat(status().ready()).isEqualTo(1);
    }
}
