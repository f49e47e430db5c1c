package kubelab.controller.deployment;

import static kubelab.controller.deployment.DeploymentCluster.BROKEN_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.DeploymentCondition;
import kubelab.api.apps.DeploymentStrategy;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.Pod;
import kubelab.client.ResourceEventHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("Deployment strategies, history, pausing and the progress deadline")
class DeploymentRolloutTest {
    private static final String NAME = "nginx-deployment";
    private final DeploymentCluster cluster = new DeploymentCluster();

    private Deployment nginx() {
        return DeploymentCluster.example("controllers/nginx-deployment.yaml");
    }

    private static String image(Pod pod) {
        return pod.spec().containers().get(0).image();
    }

    @Test
    @DisplayName("Recreate kills all existing pods before new ones are created")
    void recreate() {
        Deployment d = nginx();
        cluster.create(d.withSpec(d.spec().withStrategy(DeploymentStrategy.recreate())));
        String oldRs = cluster.replicaSets(NAME).get(0).name();
        List<String> violations = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        cluster.pods().forEach(p -> existing.add(image(p) + " " + p.name()));
        cluster.informers.informerFor(Pod.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod, boolean isInInitialList) {
                if (image(pod).equals("nginx:1.16.1") && existing.stream().anyMatch(e -> e.startsWith("nginx:1.14.2"))) {
                    violations.add(pod.name() + " created while old pods exist: " + existing);
                }
                if (!existing.contains(image(pod) + " " + pod.name())) {
                    existing.add(image(pod) + " " + pod.name());
                }
            }

            @Override
            public void onDelete(Pod pod) {
                existing.remove(image(pod) + " " + pod.name());
            }
        });

        cluster.setImage(NAME, "nginx:1.16.1");
        cluster.loop.settle();

        assertThat(violations).isEmpty();
        assertThat(cluster.pods()).hasSize(3).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:1.16.1"));
        String newRs = cluster.replicaSetWithImage(NAME, "nginx:1.16.1").name();
        assertThat(cluster.events("ScalingReplicaSet")).containsExactly(
                "Scaled up replica set " + oldRs + " to 3",
                "Scaled down replica set " + oldRs + " to 0 from 3",
                "Scaled up replica set " + newRs + " to 3");
    }

    @Test
    @DisplayName("old ReplicaSets beyond revisionHistoryLimit are deleted, the oldest revisions first")
    void revisionHistoryLimit() {
        Deployment d = nginx();
        cluster.create(d.withSpec(new kubelab.api.apps.DeploymentSpec(d.spec().replicas(), d.spec().selector(),
                d.spec().template(), null, null, 2, null, null)));
        for (String tag : List.of("1.15", "1.16", "1.17", "1.18")) {
            cluster.setImage(NAME, "nginx:" + tag);
            cluster.loop.settle();
        }

        List<ReplicaSet> sets = cluster.replicaSets(NAME);
        assertThat(sets).extracting(DeploymentUtil::revision).containsExactlyInAnyOrder(3L, 4L, 5L);
        assertThat(cluster.replicaSetWithImage(NAME, "nginx:1.18").spec().replicas()).isEqualTo(3);
        assertThat(sets.stream().filter(rs -> rs.spec().replicas() == 0)).hasSize(2);
    }

    @Test
    @DisplayName("a paused Deployment rolls nothing out; resumed, it rolls out the latest template")
    void pauseAndResume() {
        cluster.create(nginx());
        cluster.edit(NAME, spec -> spec.withPaused(true));
        cluster.loop.settle();
        DeploymentCondition paused = cluster.condition(NAME, DeploymentCondition.PROGRESSING);
        assertThat(List.of(paused.status(), paused.reason(), paused.message()))
                .containsExactly("Unknown", "DeploymentPaused", "Deployment is paused");

        cluster.setImage(NAME, "nginx:1.16.1");
        cluster.loop.settle();
        cluster.edit(NAME, spec -> spec.withTemplate(spec.template().withSpec(spec.template().spec()
                .withContainers(List.of(spec.template().spec().containers().get(0).withImage("nginx:1.17"))))));
        cluster.loop.settle();
        assertThat(cluster.replicaSets(NAME)).hasSize(1);
        assertThat(cluster.pods()).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:1.14.2"));

        List<String> reasons = new ArrayList<>();
        cluster.informers.informerFor(Deployment.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onUpdate(Deployment oldD, Deployment newD) {
                var c = newD.status() == null ? null : newD.status().condition(DeploymentCondition.PROGRESSING);
                if (c != null && (reasons.isEmpty() || !reasons.get(reasons.size() - 1).equals(c.reason()))) {
                    reasons.add(c.reason());
                }
            }
        });
        cluster.edit(NAME, spec -> spec.withPaused(false));
        cluster.loop.settle();

        assertThat(cluster.replicaSets(NAME)).hasSize(2);
        assertThat(cluster.pods()).hasSize(3).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:1.17"));
        assertThat(reasons).containsExactly("DeploymentPaused", "DeploymentResumed", "NewReplicaSetCreated",
                "ReplicaSetUpdated", "NewReplicaSetAvailable");
    }

    @Test
    @DisplayName("a paused Deployment can still be scaled")
    void pausedScales() {
        cluster.create(nginx());
        cluster.edit(NAME, spec -> spec.withPaused(true));
        cluster.loop.settle();

        cluster.edit(NAME, spec -> spec.withReplicas(5));
        cluster.loop.settle();

        assertThat(cluster.pods()).hasSize(5);
        assertThat(cluster.deployment(NAME).status().replicas()).isEqualTo(5);
    }

    @Test
    @DisplayName("a rollout whose new pods never become ready exceeds its progress deadline after 600 s")
    void progressDeadlineExceeded() {
        cluster.create(nginx());
        Instant start = cluster.loop.now();

        cluster.setImage(NAME, BROKEN_IMAGE);
        cluster.loop.settle(); // the only pending work is the progress check, 600 s (+1) away

        DeploymentCondition progressing = cluster.condition(NAME, DeploymentCondition.PROGRESSING);
        String newRs = cluster.replicaSetWithImage(NAME, BROKEN_IMAGE).name();
        assertThat(progressing.status()).isEqualTo("False");
        assertThat(progressing.reason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(progressing.message()).isEqualTo("ReplicaSet \"" + newRs + "\" has timed out progressing.");
        assertThat(Duration.between(start, cluster.loop.now())).isBetween(Duration.ofSeconds(600), Duration.ofSeconds(602));
        // The old pods still serve: maxUnavailable 25% of 3 rounds down to 0.
        assertThat(cluster.condition(NAME, DeploymentCondition.AVAILABLE).status()).isEqualTo("True");
        assertThat(cluster.replicaSetWithImage(NAME, "nginx:1.14.2").spec().replicas()).isEqualTo(3);
    }

    @Test
    @DisplayName("a finished or paused rollout leaves no timer behind: settling does not move the clock")
    void noTimerWithoutRollout() {
        Instant start = cluster.loop.now();
        cluster.create(nginx());
        cluster.setImage(NAME, "nginx:1.16.1");
        cluster.loop.settle();
        cluster.edit(NAME, spec -> spec.withPaused(true));
        cluster.setImage(NAME, BROKEN_IMAGE);
        cluster.loop.settle();

        assertThat(cluster.loop.now()).isEqualTo(start);
    }

    @Test
    @DisplayName("with minReadySeconds, a ready pod counts as available only after it has been ready that long")
    void minReadySeconds() {
        Deployment d = nginx();
        Instant start = cluster.loop.now();
        List<String> seen = new ArrayList<>();
        cluster.informers.informerFor(Deployment.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onUpdate(Deployment oldD, Deployment newD) {
                var s = newD.status();
                if (s != null && s.readyReplicas() != null) {
                    seen.add("ready=" + s.readyReplicas() + " available=" + s.availableReplicas());
                }
            }
        });

        cluster.create(d.withSpec(new kubelab.api.apps.DeploymentSpec(3, d.spec().selector(), d.spec().template(),
                null, 10, null, null, null)));

        assertThat(seen).contains("ready=3 available=0").last().isEqualTo("ready=3 available=3");
        assertThat(Duration.between(start, cluster.loop.now())).isEqualTo(Duration.ofSeconds(10));
        assertThat(cluster.replicaSets(NAME).get(0).spec().minReadySeconds()).isEqualTo(10);
    }
}
