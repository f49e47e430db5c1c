package kubelab.api.batch;

import static kubelab.api.core.ExampleManifests.patchStrategy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.ExampleManifests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Jobs and CronJobs read and print as Kubernetes does. */
@Tag("chapter1")
class BatchV1Test {

    @Test
    @DisplayName("the documentation's Job pi decodes without losing a field: one pod, backoffLimit 4, restartPolicy Never")
    void documentationJob() {
        Job pi = ExampleManifests.assertRoundTrips(ExampleManifests.ofKind("batch/v1", "Job").get(0).tree(), Job.class);

        assertThat(pi.spec().backoffLimit()).isEqualTo(4);
        assertThat(pi.spec().completions()).as("left to the API server's defaulting").isNull();
        assertThat(pi.spec().template().spec().restartPolicy()).isEqualTo("Never");
    }

    @Test
    @DisplayName("a finished Indexed Job keeps its policies, counters, indexes and conditions")
    void indexedJob() {
        Job job = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: sample, namespace: default}
                spec:
                  completions: 5
                  parallelism: 2
                  completionMode: Indexed
                  backoffLimitPerIndex: 1
                  maxFailedIndexes: 2
                  activeDeadlineSeconds: 600
                  ttlSecondsAfterFinished: 100
                  podReplacementPolicy: Failed
                  podFailurePolicy:
                    rules:
                    - action: FailJob
                      onExitCodes: {containerName: main, operator: In, values: [42]}
                    - action: Ignore
                      onPodConditions: [{type: DisruptionTarget, status: "True"}]
                  successPolicy:
                    rules: [{succeededIndexes: "0,2-3", succeededCount: 2}]
                  selector: {matchLabels: {batch.kubernetes.io/controller-uid: 0d3f0000-0000-4000-8000-000000000000}}
                  manualSelector: false
                  suspend: false
                  template:
                    metadata: {labels: {batch.kubernetes.io/controller-uid: 0d3f0000-0000-4000-8000-000000000000}}
                    spec:
                      restartPolicy: Never
                      containers: [{name: main, image: busybox, command: [sh, -c, exit 0]}]
                status:
                  startTime: "2026-01-01T00:00:00Z"
                  completionTime: "2026-01-01T00:00:40Z"
                  succeeded: 4
                  failed: 1
                  terminating: 0
                  ready: 0
                  completedIndexes: 0-3
                  failedIndexes: "4"
                  uncountedTerminatedPods: {}
                  conditions:
                  - {type: SuccessCriteriaMet, status: "True", reason: SuccessPolicy,
                     lastProbeTime: "2026-01-01T00:00:40Z", lastTransitionTime: "2026-01-01T00:00:40Z"}
                  - {type: Complete, status: "True", reason: SuccessPolicy,
                     lastProbeTime: "2026-01-01T00:00:40Z", lastTransitionTime: "2026-01-01T00:00:40Z"}
                """), Job.class);

        assertThat(job.spec().completionMode()).isEqualTo(JobSpec.INDEXED);
        assertThat(job.spec().activeDeadlineSeconds()).isEqualTo(600L);
        assertThat(job.spec().podFailurePolicy().rules().get(0).onExitCodes().values()).containsExactly(42);
        assertThat(job.spec().podFailurePolicy().rules().get(1).action()).isEqualTo(PodFailurePolicyRule.IGNORE);
        assertThat(job.status().hasCondition(JobCondition.COMPLETE)).isTrue();
        assertThat(job.status().hasCondition(JobCondition.FAILED)).isFalse();
        assertThat(job.status().completedIndexes()).isEqualTo("0-3");
        assertThat(job.status().uncountedTerminatedPods().succeeded()).isEmpty();
    }

    @Test
    @DisplayName("a CronJob keeps its schedule, job template and the references to its running Jobs")
    void cronJob() {
        CronJob cj = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: hello, namespace: default}
                spec:
                  schedule: "* * * * *"
                  timeZone: Etc/UTC
                  concurrencyPolicy: Forbid
                  startingDeadlineSeconds: 200
                  successfulJobsHistoryLimit: 3
                  failedJobsHistoryLimit: 1
                  jobTemplate:
                    metadata: {labels: {app: hello}}
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                          - {name: hello, image: busybox:1.28, command: [/bin/sh, -c, date; echo Hello]}
                status:
                  active:
                  - {apiVersion: batch/v1, kind: Job, name: hello-29000000, namespace: default,
                     uid: 1c2d0000-0000-4000-8000-000000000000, resourceVersion: "2048"}
                  lastScheduleTime: "2026-01-01T00:01:00Z"
                  lastSuccessfulTime: "2026-01-01T00:00:04Z"
                """), CronJob.class);

        assertThat(cj.spec().concurrencyPolicy()).isEqualTo(CronJobSpec.FORBID);
        assertThat(cj.spec().startingDeadlineSeconds()).isEqualTo(200L);
        assertThat(cj.spec().jobTemplate().metadata().labels()).containsEntry("app", "hello");
        assertThat(cj.status().active().get(0).name()).isEqualTo("hello-29000000");
        assertThat(cj.status().lastScheduleTime()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    }

    @Test
    @DisplayName("Job conditions merge by type in a patch; a CronJob's active list is replaced whole")
    void patchStrategies() {
        assertThat(patchStrategy(JobStatus.class, "conditions")).isEqualTo("merge/type");
        assertThat(patchStrategy(CronJobStatus.class, "active")).isEmpty();
        assertThat(patchStrategy(PodFailurePolicy.class, "rules")).isEmpty();
    }

    @Test
    @DisplayName("jobs and cronjobs (cj) are namespaced, in 'all', with a status subresource")
    void registration() {
        Scheme scheme = new Scheme(BatchV1.resourceTypes());

        assertThat(scheme.byName("cj")).map(ResourceType::kind).contains("CronJob");
        assertThat(scheme.byName("jobs.batch")).map(ResourceType::kind).contains("Job");
        assertThat(scheme.byName("job")).map(ResourceType::apiVersion).contains("batch/v1");
        assertThat(BatchV1.resourceTypes()).allMatch(t -> t.namespaced() && t.hasStatus() && t.categories().contains("all"));
    }
}
