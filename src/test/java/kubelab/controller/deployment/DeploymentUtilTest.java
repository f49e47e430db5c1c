package kubelab.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.ObjectMeta;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("Deployment arithmetic: hashes, fenceposts, revisions")
class DeploymentUtilTest {
    private static PodTemplateSpec template(String image) {
        return new PodTemplateSpec(ObjectMeta.named(null).withLabels(Map.of("app", "nginx")),
                DeploymentCluster.withImage(DeploymentCluster.example("controllers/nginx-deployment.yaml")
                        .spec().template(), image).spec());
    }

    @Test
    @DisplayName("a pod-template-hash spells its decimal digits in the alphabet bcdfghjklmnpqrstvwxz2456789")
    void safeEncodeString() {
        assertThat(PodTemplateHash.safeEncodeString("0123456789")).isEqualTo("456789bcdf");
    }

    @Test
    @DisplayName("the pod-template-hash is FNV-32a: the same template gives the same hash, another template or collisionCount another")
    void hashIsDeterministic() {
        String h = PodTemplateHash.compute(template("nginx:1.14.2"), null);
        assertThat(h).isEqualTo(PodTemplateHash.compute(template("nginx:1.14.2"), null)).matches("[4-9bcdf]{1,10}");
        assertThat(PodTemplateHash.compute(template("nginx:1.16.1"), null)).isNotEqualTo(h);
        assertThat(PodTemplateHash.compute(template("nginx:1.14.2"), 1)).isNotEqualTo(h);
        // FNV-32a's published test vector: "a" hashes to 0xe40c292c.
        assertThat(PodTemplateHash.fnv32a(0x811c9dc5, "a".getBytes())).isEqualTo(0xe40c292c);
    }

    @Test
    @DisplayName("maxSurge rounds up and maxUnavailable rounds down: 25% of 10 is 3 and 2")
    void fenceposts() {
        assertThat(DeploymentUtil.resolveFenceposts(IntOrString.of("25%"), IntOrString.of("25%"), 10)).containsExactly(3, 2);
        assertThat(DeploymentUtil.resolveFenceposts(IntOrString.of("25%"), IntOrString.of("25%"), 3)).containsExactly(1, 0);
    }

    @Test
    @DisplayName("when both bounds round to 0, maxUnavailable becomes 1 so the rollout can move")
    void fencepostsNeverBothZero() {
        assertThat(DeploymentUtil.resolveFenceposts(IntOrString.of(0), IntOrString.of("25%"), 3)).containsExactly(0, 1);
    }

    @Test
    @DisplayName("the new ReplicaSet is the one whose template equals the Deployment's, ignoring the hash label")
    void findNewReplicaSet() {
        PodTemplateSpec t = template("nginx:1.16.1");
        Deployment d = Deployment.of("default", "web", 3, t);
        ReplicaSet old = ReplicaSet.of("default", "web-old", 0, template("nginx:1.14.2"));
        old = old.withMetadata(old.metadata().withUid("uid-old"));
        ReplicaSet current = ReplicaSet.of("default", "web-new", 3,
                t.withMetadata(t.metadata().withLabel(PodTemplateHash.LABEL, "abc")));
        current = current.withMetadata(current.metadata().withUid("uid-new"));
        assertThat(DeploymentUtil.findNewReplicaSet(d, List.of(old, current))).isEqualTo(current);
        assertThat(DeploymentUtil.findOldReplicaSets(d, List.of(old, current))).containsExactly(old);
    }

    @Test
    @DisplayName("an old ReplicaSet brought back keeps its former revisions in revision-history")
    void revisionHistoryAnnotation() {
        Deployment d = Deployment.of("default", "web", 3, template("nginx:1.16.1"));
        ReplicaSet rs = ReplicaSet.of("default", "web-1", 0, template("nginx:1.16.1"));
        rs = rs.withMetadata(rs.metadata().withAnnotation(DeploymentUtil.REVISION_ANNOTATION, "2")
                .withAnnotation(DeploymentUtil.REVISION_HISTORY_ANNOTATION, "1"));

        ReplicaSet updated = DeploymentUtil.withNewReplicaSetAnnotations(d, rs, 5, true);

        assertThat(updated.metadata().annotations()).containsEntry(DeploymentUtil.REVISION_ANNOTATION, "5")
                .containsEntry(DeploymentUtil.REVISION_HISTORY_ANNOTATION, "1,2");
    }

    @Test
    @DisplayName("proportional scaling gives each ReplicaSet its share of the new maximum, rounded")
    void proportions() {
        Deployment d = Deployment.of("default", "web", 15, template("nginx:1.16.1"))
                .withSpec(Deployment.of("default", "web", 15, template("nginx:1.16.1")).spec()
                        .withStrategy(kubelab.api.apps.DeploymentStrategy.rollingUpdate(IntOrString.of(2), IntOrString.of(3))));
        ReplicaSet old = ReplicaSet.of("default", "old", 8, template("nginx:1.14.2"));
        old = old.withMetadata(old.metadata().withAnnotation(DeploymentUtil.MAX_REPLICAS_ANNOTATION, "13"));
        assertThat(ProportionalScaling.getReplicaSetFraction(old, d)).isEqualTo(3); // 8 * 18 / 13 = 11.08 -> 11
        assertThat(ProportionalScaling.getProportion(old, d, 5, 4)).isEqualTo(1); // never beyond what is left
    }
}
