package kubelab.apiserver.registry.batch;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kubelab.api.batch.Job;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class JobStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    static final String PI = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: pi
              namespace: default
            spec:
              template:
                spec:
                  containers:
                  - name: pi
                    image: perl:5.34.0
                    command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]
                  restartPolicy: Never
              backoffLimit: 4
            """;

    @Test
    @DisplayName("a Job gets Kubernetes' defaults: one pod to one success, NonIndexed, not suspended")
    void defaults() {
        Job job = server.create(yaml(PI, Job.class));

        assertThat(job.spec().completions()).isEqualTo(1);
        assertThat(job.spec().parallelism()).isEqualTo(1);
        assertThat(job.spec().backoffLimit()).as("the manifest's own value").isEqualTo(4);
        assertThat(job.spec().completionMode()).isEqualTo("NonIndexed");
        assertThat(job.spec().suspend()).isFalse();
        assertThat(job.spec().podReplacementPolicy()).isEqualTo("TerminatingOrFailed");
        assertThat(job.spec().manualSelector()).isFalse();
        assertThat(job.metadata().generation()).isEqualTo(1L);
    }

    @Test
    @DisplayName("a Job without backoffLimit may retry 6 times")
    void backoffLimitDefault() {
        Job job = server.create(yaml(PI.replace("  backoffLimit: 4\n", ""), Job.class));

        assertThat(job.spec().backoffLimit()).isEqualTo(6);
    }

    @Test
    @DisplayName("a Job gets a selector on its own uid, and its pod template the labels that selector matches")
    void generatedSelector() {
        Job job = server.create(yaml(PI, Job.class));
        String uid = job.metadata().uid();

        assertThat(job.spec().selector().matchLabels()).isEqualTo(Map.of("batch.kubernetes.io/controller-uid", uid));
        assertThat(job.spec().template().metadata().labels()).isEqualTo(Map.of(
                "batch.kubernetes.io/controller-uid", uid, "batch.kubernetes.io/job-name", "pi",
                "controller-uid", uid, "job-name", "pi"));
        assertThat(job.metadata().labels()).as("a Job without labels shows its template's")
                .containsEntry("batch.kubernetes.io/job-name", "pi");
    }

    @Test
    @DisplayName("with manualSelector the user's selector is kept and must match the template")
    void manualSelector() {
        Job job = yaml(PI.replace("spec:\n  template:\n    spec:", """
                spec:
                  manualSelector: true
                  selector:
                    matchLabels:
                      run: pi
                  template:
                    metadata:
                      labels:
                        run: other
                    spec:"""), Job.class);

        ApiException e = refused(() -> server.create(job));

        assertThat(causes(e)).containsExactly("spec.template.metadata.labels: Invalid value: "
                + "map[string]string{\"run\":\"other\"}: `selector` does not match template `labels`");
    }

    @Test
    @DisplayName("a Job's pods must end: restartPolicy Always is refused with the two it may be")
    void restartPolicy() {
        Job job = yaml(PI.replace("      restartPolicy: Never\n", ""), Job.class);

        ApiException e = refused(() -> server.create(job));

        assertThat(causes(e)).containsExactly(
                "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"");
    }

    @Test
    @DisplayName("a negative backoffLimit is refused")
    void negativeBackoff() {
        Job job = yaml(PI.replace("backoffLimit: 4", "backoffLimit: -1"), Job.class);

        ApiException e = refused(() -> server.create(job));

        assertThat(causes(e)).containsExactly("spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    @DisplayName("an Indexed Job must say how many completions it needs")
    void indexedNeedsCompletions() {
        Job job = yaml(PI.replace("  backoffLimit: 4", "  backoffLimit: 4\n  completionMode: Indexed\n  parallelism: 2"),
                Job.class);

        ApiException e = refused(() -> server.create(job));

        assertThat(causes(e)).containsExactly("spec.completions: Required value: when completion mode is Indexed");
    }

    @Test
    @DisplayName("a running Job's pod template cannot change; its parallelism can")
    void templateImmutable() {
        Job job = server.create(yaml(PI, Job.class));
        var template = job.spec().template();
        var changed = template.withSpec(template.spec().withContainers(java.util.List.of(
                template.spec().containers().get(0).withImage("perl:5.36.0"))));

        ApiException e = refused(() -> server.api.update(job.withSpec(job.spec().withTemplate(changed))));
        Job resumed = server.api.update(job.withSpec(job.spec().withSuspend(true)));

        assertThat(causes(e)).containsExactly("spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable");
        assertThat(resumed.spec().suspend()).isTrue();
        assertThat(resumed.metadata().generation()).isEqualTo(2L);
    }
}
