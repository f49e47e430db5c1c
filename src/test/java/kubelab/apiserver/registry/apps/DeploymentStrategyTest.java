package kubelab.apiserver.registry.apps;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.apps.Deployment;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.LabelSelector;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class DeploymentStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    static final String NGINX = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: default
            spec:
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.14.2
            """;

    @Test
    @DisplayName("a Deployment gets Kubernetes' defaults: 1 replica, RollingUpdate 25%/25%, 10 revisions kept")
    void defaults() {
        Deployment d = server.create(yaml(NGINX, Deployment.class));

        assertThat(d.spec().replicas()).isEqualTo(1);
        assertThat(d.spec().strategy().type()).isEqualTo("RollingUpdate");
        assertThat(d.spec().strategy().rollingUpdate().maxUnavailable()).isEqualTo(IntOrString.of("25%"));
        assertThat(d.spec().strategy().rollingUpdate().maxSurge()).isEqualTo(IntOrString.of("25%"));
        assertThat(d.spec().revisionHistoryLimit()).isEqualTo(10);
        assertThat(d.spec().progressDeadlineSeconds()).isEqualTo(600);
        assertThat(d.metadata().generation()).isEqualTo(1L);
    }

    @Test
    @DisplayName("through the status subresource the controller records status and the revision annotation, never the spec")
    void statusCarriesAnnotations() {
        Deployment d = server.create(yaml(NGINX, Deployment.class));
        Deployment sent = d.withMetadata(d.metadata().withAnnotation("deployment.kubernetes.io/revision", "1")
                        .withLabel("sneaky", "yes"))
                .withSpec(d.spec().withReplicas(7))
                .withStatus(new kubelab.api.apps.DeploymentStatus(1L, 1, 1, 1, 1, 0, null, null, null));

        Deployment stored = server.api.updateStatus(sent);

        assertThat(stored.metadata().annotations()).containsEntry("deployment.kubernetes.io/revision", "1");
        assertThat(stored.metadata().labels()).doesNotContainKey("sneaky");
        assertThat(stored.spec().replicas()).isEqualTo(1);
        assertThat(stored.status().observedGeneration()).isEqualTo(1L);
    }

    @Test
    @DisplayName("the pod template gets the pod spec defaults, but not the ones only a Pod gets")
    void templateDefaults() {
        Deployment d = server.create(yaml(NGINX, Deployment.class));

        var spec = d.spec().template().spec();
        assertThat(spec.restartPolicy()).isEqualTo("Always");
        assertThat(spec.dnsPolicy()).isEqualTo("ClusterFirst");
        assertThat(spec.schedulerName()).isEqualTo("default-scheduler");
        assertThat(spec.terminationGracePeriodSeconds()).isEqualTo(30L);
        assertThat(spec.containers().get(0).imagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(spec.enableServiceLinks()).as("SetDefaults_Pod only").isNull();
    }

    @Test
    @DisplayName("a Recreate Deployment gets no rollingUpdate bounds")
    void recreate() {
        Deployment d = yaml(NGINX.replace("spec:\n  selector:", "spec:\n  strategy:\n    type: Recreate\n  selector:"),
                Deployment.class);

        Deployment stored = server.create(d);

        assertThat(stored.spec().strategy().type()).isEqualTo("Recreate");
        assertThat(stored.spec().strategy().rollingUpdate()).isNull();
    }

    @Test
    @DisplayName("a selector that does not match the template's labels is refused, naming the field")
    void selectorMismatch() {
        Deployment d = yaml(NGINX.replace("      app: nginx\n  template", "      app: web\n  template"), Deployment.class);

        ApiException e = refused(() -> server.create(d));

        assertThat(e.code()).isEqualTo(422);
        // Kubernetes says "Deployment.apps" here; the kind the message names is the API server's business.
        assertThat(e.getMessage()).endsWith(" \"web\" is invalid: spec.template.metadata.labels: "
                + "Invalid value: map[string]string{\"app\":\"nginx\"}: `selector` does not match template `labels`");
        assertThat(e.status().details().causes().get(0).reason()).isEqualTo("FieldValueInvalid");
    }

    @Test
    @DisplayName("a Deployment without a selector is refused: spec.selector is required in apps/v1")
    void selectorRequired() {
        Deployment d = yaml(NGINX.replace("  selector:\n    matchLabels:\n      app: nginx\n", ""), Deployment.class);

        ApiException e = refused(() -> server.create(d));

        assertThat(causes(e)).containsExactly(
                "spec.selector: Required value",
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\"}: "
                        + "`selector` does not match template `labels`");
    }

    @Test
    @DisplayName("an empty selector is refused: it would select every pod in the namespace")
    void emptySelector() {
        Deployment d = yaml(NGINX.replace("    matchLabels:\n      app: nginx\n", "    matchLabels: {}\n"), Deployment.class);

        ApiException e = refused(() -> server.create(d));

        assertThat(causes(e)).containsExactly("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                + "map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                + "empty selector is invalid for deployment");
    }

    @Test
    @DisplayName("a negative replica count is refused")
    void negativeReplicas() {
        Deployment d = yaml(NGINX.replace("spec:\n  selector:", "spec:\n  replicas: -1\n  selector:"), Deployment.class);

        ApiException e = refused(() -> server.create(d));

        assertThat(causes(e)).containsExactly("spec.replicas: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    @DisplayName("a Deployment's pods must restart Always: a controller replaces pods, it does not let them finish")
    void restartAlways() {
        Deployment d = yaml(NGINX.replace("      containers:", "      restartPolicy: Never\n      containers:"),
                Deployment.class);

        ApiException e = refused(() -> server.create(d));

        assertThat(causes(e)).containsExactly(
                "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"");
    }

    @Test
    @DisplayName("maxSurge and maxUnavailable cannot both be 0: no rollout could make progress")
    void rollingUpdateBounds() {
        Deployment d = yaml(NGINX.replace("spec:\n  selector:", """
                spec:
                  strategy:
                    rollingUpdate:
                      maxSurge: 0
                      maxUnavailable: 0%
                  selector:"""), Deployment.class);

        ApiException e = refused(() -> server.create(d));

        assertThat(causes(e)).containsExactly("spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "
                + "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: may not be 0 when `maxSurge` is 0");
    }

    @Test
    @DisplayName("a Deployment's selector cannot change")
    void selectorImmutable() {
        Deployment stored = server.create(yaml(NGINX, Deployment.class));
        var spec = stored.spec();
        var changed = new kubelab.api.apps.DeploymentSpec(spec.replicas(),
                LabelSelector.matching(java.util.Map.of("app", "nginx", "tier", "web")),
                spec.template().withMetadata(spec.template().metadata().withLabel("tier", "web")), spec.strategy(),
                spec.minReadySeconds(), spec.revisionHistoryLimit(), spec.paused(), spec.progressDeadlineSeconds());

        ApiException e = refused(() -> server.api.update(stored.withSpec(changed)));

        // Kubernetes says "Deployment.apps" here; the kind the message names is the API server's business.
        assertThat(e.getMessage()).endsWith(" \"web\" is invalid: spec.selector: Invalid value: "
                + "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"nginx\", \"tier\":\"web\"}, "
                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
    }

    @Test
    @DisplayName("a spec change, even scaling, is a new generation; so is an annotation change")
    void generation() {
        Deployment stored = server.create(yaml(NGINX, Deployment.class));

        Deployment scaled = server.api.update(stored.withSpec(stored.spec().withReplicas(3)));
        Deployment annotated = server.api.update(scaled.withMetadata(
                scaled.metadata().withAnnotation("kubernetes.io/change-cause", "scale to 3")));
        Deployment relabelled = server.api.update(annotated.withMetadata(annotated.metadata().withLabel("team", "a")));

        assertThat(scaled.metadata().generation()).isEqualTo(2L);
        assertThat(annotated.metadata().generation()).isEqualTo(3L);
        assertThat(relabelled.metadata().generation()).as("labels are not copied to ReplicaSets").isEqualTo(3L);
    }
}
