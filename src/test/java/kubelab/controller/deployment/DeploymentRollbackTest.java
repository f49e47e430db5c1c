package kubelab.controller.deployment;

import static kubelab.controller.deployment.DeploymentCluster.BROKEN_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("Rolling back a Deployment")
class DeploymentRollbackTest {
    private static final String NAME = "nginx-deployment";
    private static final String NS = DeploymentCluster.NS;
    private final DeploymentCluster cluster = new DeploymentCluster();

    /** The documentation's story: 1.14.2, then 1.16.1, then a typo (1.161) that never starts. */
    private void threeRevisions() {
        cluster.create(DeploymentCluster.example("controllers/nginx-deployment.yaml"));
        cluster.annotate(NAME, DeploymentUtil.CHANGE_CAUSE_ANNOTATION, "image updated to 1.16.1");
        cluster.setImage(NAME, "nginx:1.16.1");
        cluster.loop.settle();
        cluster.annotate(NAME, DeploymentUtil.CHANGE_CAUSE_ANNOTATION, "image updated to 1.161");
        cluster.setImage(NAME, BROKEN_IMAGE);
        cluster.loop.settle();
    }

    private static String image(Pod pod) {
        return pod.spec().containers().get(0).image();
    }

    @Test
    @DisplayName("rollout undo restores the previous ReplicaSet, which takes the next revision number")
    void undoToPrevious() {
        threeRevisions();
        ReplicaSet good = cluster.replicaSetWithImage(NAME, "nginx:1.16.1");
        assertThat(DeploymentUtil.revision(good)).isEqualTo(2);

        assertThat(DeploymentRollback.undo(cluster.api, NS, NAME, 0)).isEqualTo("deployment.apps/nginx-deployment rolled back");
        cluster.loop.settle();

        ReplicaSet restored = cluster.replicaSetWithImage(NAME, "nginx:1.16.1");
        assertThat(restored.name()).isEqualTo(good.name()); // the same ReplicaSet, not a new one
        assertThat(restored.metadata().annotations())
                .containsEntry(DeploymentUtil.REVISION_ANNOTATION, "4")
                .containsEntry(DeploymentUtil.REVISION_HISTORY_ANNOTATION, "2");
        assertThat(restored.spec().replicas()).isEqualTo(3);
        assertThat(cluster.replicaSetWithImage(NAME, BROKEN_IMAGE).spec().replicas()).isZero();
        Deployment d = cluster.deployment(NAME);
        assertThat(d.metadata().annotations())
                .containsEntry(DeploymentUtil.REVISION_ANNOTATION, "4")
                .containsEntry(DeploymentUtil.CHANGE_CAUSE_ANNOTATION, "image updated to 1.16.1");
        assertThat(d.spec().template().metadata().labels()).doesNotContainKey(PodTemplateHash.LABEL);
        assertThat(cluster.pods()).hasSize(3).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:1.16.1"));
    }

    @Test
    @DisplayName("rollout history lists each kept revision with its change-cause")
    void history() {
        threeRevisions();
        DeploymentRollback.undo(cluster.api, NS, NAME, 0);
        cluster.loop.settle();

        assertThat(DeploymentHistory.render(cluster.api, NS, NAME)).isEqualTo("""
                deployment.apps/nginx-deployment\s
                REVISION  CHANGE-CAUSE
                1         <none>
                3         image updated to 1.161
                4         image updated to 1.16.1

                """);
        assertThat(DeploymentHistory.render(cluster.api, NS, NAME, 3)).contains("image: " + BROKEN_IMAGE);
    }

    @Test
    @DisplayName("undo --to-revision=1 brings back the first template")
    void undoToRevision() {
        threeRevisions();

        DeploymentRollback.undo(cluster.api, NS, NAME, 1);
        cluster.loop.settle();

        assertThat(cluster.pods()).hasSize(3).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:1.14.2"));
        assertThat(cluster.replicaSetWithImage(NAME, "nginx:1.14.2").metadata().annotations())
                .containsEntry(DeploymentUtil.REVISION_ANNOTATION, "4")
                .containsEntry(DeploymentUtil.REVISION_HISTORY_ANNOTATION, "1");
    }

    @Test
    @DisplayName("undo refuses an unknown revision and a paused Deployment, with kubectl's messages")
    void undoErrors() {
        cluster.create(DeploymentCluster.example("controllers/nginx-deployment.yaml"));
        assertThatThrownBy(() -> DeploymentRollback.undo(cluster.api, NS, NAME, 0))
                .hasMessage("no rollout history found for deployment \"nginx-deployment\"");
        assertThatThrownBy(() -> DeploymentRollback.undo(cluster.api, NS, NAME, 7))
                .hasMessage("unable to find specified revision 7 in history");
        assertThat(DeploymentRollback.undo(cluster.api, NS, NAME, 1))
                .isEqualTo("deployment.apps/nginx-deployment skipped rollback (current template already matches revision 1)");
        cluster.edit(NAME, spec -> spec.withPaused(true));
        assertThatThrownBy(() -> DeploymentRollback.undo(cluster.api, NS, NAME, 1)).hasMessage(
                "you cannot rollback a paused deployment; resume it first with "
                        + "'kubectl rollout resume deployment/nginx-deployment' and try again");
    }

    @Test
    @DisplayName("the deprecated rollback.to annotation makes the controller roll back and record a DeploymentRollback event")
    void deprecatedRollbackTo() {
        cluster.create(DeploymentCluster.example("controllers/nginx-deployment.yaml"));
        cluster.setImage(NAME, "nginx:1.16.1");
        cluster.loop.settle();

        cluster.annotate(NAME, DeploymentUtil.DEPRECATED_ROLLBACK_TO, "1");
        cluster.loop.settle();

        assertThat(cluster.events(RollbackTo.ROLLBACK_DONE))
                .containsExactly("Rolled back deployment \"nginx-deployment\" to revision 1");
        assertThat(cluster.deployment(NAME).metadata().annotations()).doesNotContainKey(DeploymentUtil.DEPRECATED_ROLLBACK_TO);
        assertThat(cluster.pods()).hasSize(3).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:1.14.2"));
    }
}
