package kubelab.controller.deployment;

import static kubelab.controller.deployment.DeploymentCluster.BROKEN_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.DeploymentCondition;
import kubelab.api.apps.DeploymentStatus;
import kubelab.api.apps.DeploymentStrategy;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.Pod;
import kubelab.api.meta.IntOrString;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The Deployment controller")
class DeploymentControllerTest {
    private final DeploymentCluster cluster = new DeploymentCluster();

    @Test
    @DisplayName("nginx-deployment.yaml creates one ReplicaSet nginx-deployment-<pod-template-hash> with 3 ready pods")
    void createsOneReplicaSet() {
        cluster.create(DeploymentCluster.example("controllers/nginx-deployment.yaml"));

        List<ReplicaSet> sets = cluster.replicaSets("nginx-deployment");
        assertThat(sets).hasSize(1);
        ReplicaSet rs = sets.get(0);
        String hash = rs.metadata().labels().get(PodTemplateHash.LABEL);
        assertThat(hash).matches("[" + PodTemplateHash.ALPHANUMS + "]{1,10}");
        assertThat(rs.name()).isEqualTo("nginx-deployment-" + hash);
        assertThat(rs.spec().selector().matchLabels()).containsEntry(PodTemplateHash.LABEL, hash)
                .containsEntry("app.kubernetes.io/name", "nginx");
        assertThat(rs.metadata().annotations())
                .containsEntry(DeploymentUtil.REVISION_ANNOTATION, "1")
                .containsEntry(DeploymentUtil.DESIRED_REPLICAS_ANNOTATION, "3")
                .containsEntry(DeploymentUtil.MAX_REPLICAS_ANNOTATION, "4");
        List<Pod> pods = cluster.pods();
        assertThat(pods).hasSize(3).allSatisfy(p -> {
            assertThat(p.name()).startsWith(rs.name() + "-");
            assertThat(p.metadata().labels()).containsEntry(PodTemplateHash.LABEL, hash);
        });
        assertThat(cluster.events("ScalingReplicaSet")).containsExactly("Scaled up replica set " + rs.name() + " to 3");
    }

    @Test
    @DisplayName("a finished rollout reports every count and the Available and Progressing conditions in Kubernetes' words")
    void statusAndConditions() {
        cluster.create(DeploymentCluster.example("controllers/nginx-deployment.yaml"));

        Deployment d = cluster.deployment("nginx-deployment");
        DeploymentStatus s = d.status();
        assertThat(List.of(s.replicas(), s.updatedReplicas(), s.readyReplicas(), s.availableReplicas(),
                s.unavailableReplicas())).containsExactly(3, 3, 3, 3, 0);
        assertThat(s.observedGeneration()).isEqualTo(d.metadata().generation());
        assertThat(d.metadata().annotations()).containsEntry(DeploymentUtil.REVISION_ANNOTATION, "1");
        DeploymentCondition available = s.condition(DeploymentCondition.AVAILABLE);
        assertThat(available.status()).isEqualTo("True");
        assertThat(available.reason()).isEqualTo("MinimumReplicasAvailable");
        assertThat(available.message()).isEqualTo("Deployment has minimum availability.");
        DeploymentCondition progressing = s.condition(DeploymentCondition.PROGRESSING);
        String rs = cluster.replicaSets("nginx-deployment").get(0).name();
        assertThat(progressing.status()).isEqualTo("True");
        assertThat(progressing.reason()).isEqualTo("NewReplicaSetAvailable");
        assertThat(progressing.message()).isEqualTo("ReplicaSet \"" + rs + "\" has successfully progressed.");
    }

    @Test
    @DisplayName("a rolling update to nginx:1.16.1 keeps at least replicas - maxUnavailable pods ready and at most replicas + maxSurge pods")
    void rollingUpdateStaysWithinBounds() {
        cluster.create(DeploymentCluster.example("application/deployment.yaml"));
        String oldRs = cluster.replicaSets("nginx-deployment").get(0).name();
        var counter = cluster.new PodCounter();

        cluster.apply(DeploymentCluster.example("application/deployment-update.yaml"));
        cluster.loop.settle();

        // 2 replicas: maxSurge 25% rounds up to 1, maxUnavailable 25% rounds down to 0.
        assertThat(counter.minReady).isGreaterThanOrEqualTo(2 - 0);
        assertThat(counter.maxExisting).isLessThanOrEqualTo(2 + 1);
        List<ReplicaSet> sets = cluster.replicaSets("nginx-deployment");
        assertThat(sets).hasSize(2);
        ReplicaSet newRs = cluster.replicaSetWithImage("nginx-deployment", "nginx:1.16.1");
        assertThat(newRs.spec().replicas()).isEqualTo(2);
        assertThat(newRs.metadata().annotations()).containsEntry(DeploymentUtil.REVISION_ANNOTATION, "2");
        assertThat(cluster.replicaSetWithImage("nginx-deployment", "nginx:1.14.2").spec().replicas()).isZero();
        assertThat(cluster.pods()).hasSize(2).allSatisfy(p ->
                assertThat(p.spec().containers().get(0).image()).isEqualTo("nginx:1.16.1"));
        assertThat(cluster.deployment("nginx-deployment").metadata().annotations())
                .containsEntry(DeploymentUtil.REVISION_ANNOTATION, "2");
        assertThat(cluster.events("ScalingReplicaSet")).containsExactly(
                "Scaled up replica set " + oldRs + " to 2",
                "Scaled up replica set " + newRs.name() + " to 1",
                "Scaled down replica set " + oldRs + " to 1 from 2",
                "Scaled up replica set " + newRs.name() + " to 2 from 1",
                "Scaled down replica set " + oldRs + " to 0 from 1");
    }

    @Test
    @DisplayName("with 10 replicas, maxSurge 25% rounds up to 3 and maxUnavailable 25% rounds down to 2")
    void roundingOfTenReplicas() {
        Deployment d = DeploymentCluster.example("controllers/nginx-deployment.yaml");
        cluster.create(d.withSpec(d.spec().withReplicas(10)));

        cluster.setImage("nginx-deployment", BROKEN_IMAGE); // new pods never become ready
        cluster.loop.settle();

        // 13 pods at most (10 + 3); 8 old pods kept available (10 - 2); the new ones wait forever.
        assertThat(cluster.replicaSetWithImage("nginx-deployment", BROKEN_IMAGE).spec().replicas()).isEqualTo(5);
        assertThat(cluster.replicaSetWithImage("nginx-deployment", "nginx:1.14.2").spec().replicas()).isEqualTo(8);
        assertThat(cluster.pods()).hasSize(13);
        assertThat(cluster.replicaSetWithImage("nginx-deployment", BROKEN_IMAGE).metadata().annotations())
                .containsEntry(DeploymentUtil.MAX_REPLICAS_ANNOTATION, "13");
    }

    @Test
    @DisplayName("scaling in the middle of a rollout spreads the new replicas over the ReplicaSets in proportion")
    void proportionalScaling() {
        // The documentation's example: 10 replicas, maxSurge 3, maxUnavailable 2, a broken image.
        Deployment d = DeploymentCluster.example("controllers/nginx-deployment.yaml");
        cluster.create(d.withSpec(d.spec().withReplicas(10)
                .withStrategy(DeploymentStrategy.rollingUpdate(IntOrString.of(2), IntOrString.of(3)))));
        cluster.setImage("nginx-deployment", BROKEN_IMAGE);
        cluster.loop.settle();
        assertThat(cluster.replicaSetWithImage("nginx-deployment", "nginx:1.14.2").spec().replicas()).isEqualTo(8);
        assertThat(cluster.replicaSetWithImage("nginx-deployment", BROKEN_IMAGE).spec().replicas()).isEqualTo(5);

        cluster.edit("nginx-deployment", spec -> spec.withReplicas(15));
        cluster.loop.settle();

        // 5 more replicas (18 - 13): 3 go to the old ReplicaSet, 2 to the new one.
        assertThat(cluster.replicaSetWithImage("nginx-deployment", "nginx:1.14.2").spec().replicas()).isEqualTo(11);
        assertThat(cluster.replicaSetWithImage("nginx-deployment", BROKEN_IMAGE).spec().replicas()).isEqualTo(7);
        assertThat(cluster.replicaSets("nginx-deployment")).allSatisfy(rs -> assertThat(rs.metadata().annotations())
                .containsEntry(DeploymentUtil.DESIRED_REPLICAS_ANNOTATION, "15")
                .containsEntry(DeploymentUtil.MAX_REPLICAS_ANNOTATION, "18"));
    }

    @Test
    @DisplayName("scaling a finished Deployment resizes its one ReplicaSet and rolls nothing out")
    void scalingIsNotARollout() {
        cluster.create(DeploymentCluster.example("controllers/nginx-deployment.yaml"));
        String rs = cluster.replicaSets("nginx-deployment").get(0).name();

        cluster.edit("nginx-deployment", spec -> spec.withReplicas(5));
        cluster.loop.settle();

        assertThat(cluster.replicaSets("nginx-deployment")).extracting(ReplicaSet::name).containsExactly(rs);
        assertThat(cluster.pods()).hasSize(5);
        assertThat(cluster.events("ScalingReplicaSet")).last().isEqualTo("Scaled up replica set " + rs + " to 5 from 3");
        assertThat(cluster.deployment("nginx-deployment").metadata().annotations())
                .containsEntry(DeploymentUtil.REVISION_ANNOTATION, "1");
    }

    @Test
    @DisplayName("an orphan ReplicaSet that matches the selector is adopted")
    void adoptsOrphans() {
        Deployment d = DeploymentCluster.example("controllers/nginx-deployment.yaml");
        ReplicaSet orphan = ReplicaSet.of(DeploymentCluster.NS, "orphan", 1, d.spec().template());
        cluster.api.create(orphan.withMetadata(orphan.metadata().withLabels(d.spec().template().metadata().labels())));
        cluster.loop.settle();

        cluster.create(d);

        ReplicaSet adopted = cluster.api.get(ReplicaSet.class, DeploymentCluster.NS, "orphan");
        assertThat(adopted.metadata().controllerRef().kind()).isEqualTo("Deployment");
        assertThat(adopted.metadata().controllerRef().uid())
                .isEqualTo(cluster.deployment("nginx-deployment").metadata().uid());
    }

    @Test
    @DisplayName("a ReplicaSet name already taken by another template is a hash collision: collisionCount goes up and the hash changes")
    void hashCollision() {
        Deployment d = DeploymentCluster.example("controllers/nginx-deployment.yaml");
        cluster.create(d.withSpec(d.spec().withPaused(true))); // paused: no ReplicaSet yet
        Deployment stored = cluster.deployment("nginx-deployment");
        String taken = "nginx-deployment-" + PodTemplateHash.compute(stored.spec().template(), null);
        var other = stored.spec().template().withMetadata(stored.spec().template().metadata()
                .withLabels(java.util.Map.of("app", "other")));
        ReplicaSet squatter = ReplicaSet.of(DeploymentCluster.NS, taken, 0, other);
        cluster.api.create(squatter.withMetadata(squatter.metadata().withLabels(java.util.Map.of("app", "other"))));

        cluster.edit("nginx-deployment", spec -> spec.withPaused(false));
        cluster.loop.settle();

        stored = cluster.deployment("nginx-deployment");
        assertThat(stored.status().collisionCount()).isEqualTo(1);
        assertThat(cluster.replicaSets("nginx-deployment")).extracting(ReplicaSet::name).containsExactly(
                "nginx-deployment-" + PodTemplateHash.compute(stored.spec().template(), 1));
        assertThat(cluster.pods().stream().filter(p -> p.name().startsWith(taken))).isEmpty();
    }
}
