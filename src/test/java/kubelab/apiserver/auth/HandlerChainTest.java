package kubelab.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.Binding;
import kubelab.api.core.Namespace;
import kubelab.api.core.ObjectReference;
import kubelab.api.core.Pod;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.rbac.Subject;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.admission.AdmissionPlugin;
import kubelab.apiserver.admission.AdmissionRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class HandlerChainTest {
    private final AuthFixture f = new AuthFixture();

    /** An admission plug-in that only notes which objects reached admission. */
    private static final class Witness implements AdmissionPlugin.Mutating {
        final List<String> seen = new ArrayList<>();

        @Override
        public String name() {
            return "Witness";
        }

        @Override
        public KubeObject admit(AdmissionRequest request) {
            seen.add(request.operation() + " " + request.resource().plural() + " " + request.name());
            return request.object();
        }
    }

    private static int code(Runnable call) {
        try {
            call.run();
            return 0;
        } catch (ApiException e) {
            return e.code();
        }
    }

    @Test
    @DisplayName("a denied create never reaches admission or the store")
    void deniedCreateChangesNothing() {
        Witness witness = new Witness();
        f.server.addAdmissionPlugin(witness);
        long revision = f.store.currentRevision();

        assertThat(code(() -> f.as("bob-token").create(AuthFixture.pod("default", "web")))).isEqualTo(403);
        assertThat(f.store.currentRevision()).isEqualTo(revision);
        assertThat(witness.seen).isEmpty();

        f.bindInNamespace("default", "bob-edit", "edit", Subject.user("bob"));
        witness.seen.clear();
        f.as("bob-token").create(AuthFixture.pod("default", "web"));
        assertThat(witness.seen).containsExactly("CREATE pods web");
    }

    @Test
    @DisplayName("one live cluster answers 401, 403, 422 and 409, each from its own stage, and the audit log shows them in order")
    void everyStage() {
        f.bindInNamespace("default", "jane-edit", "edit", Subject.group("dev"));
        Api jane = f.as("jane-token");

        assertThat(code(() -> f.as("wrong-token").list(Pod.class, "default"))).isEqualTo(401);
        assertThat(code(() -> jane.list(kubelab.api.core.Node.class, null))).isEqualTo(403);
        assertThat(code(() -> jane.create(AuthFixture.pod("default", "Web_1")))).isEqualTo(422);
        Pod web = jane.create(AuthFixture.pod("default", "web"));
        jane.update(web.withMetadata(web.metadata().withLabel("tier", "front")));
        assertThat(code(() -> jane.update(web.withMetadata(web.metadata().withLabel("tier", "back"))))).isEqualTo(409);

        assertThat(f.audit.toString()).isEqualTo(String.join("\n",
                "401 Unauthorized  list pods default  user=<unauthenticated>",
                "403 Forbidden  list nodes  user=jane  forbid",
                "422 Invalid  create pods default/Web_1  user=jane  RBAC: allowed by RoleBinding \"jane-edit/default\" "
                        + "of ClusterRole \"edit\" to Group \"dev\"",
                "201 Created  create pods default/web  user=jane  RBAC: allowed by RoleBinding \"jane-edit/default\" "
                        + "of ClusterRole \"edit\" to Group \"dev\"",
                "200 OK  update pods default/web  user=jane  RBAC: allowed by RoleBinding \"jane-edit/default\" "
                        + "of ClusterRole \"edit\" to Group \"dev\"",
                "409 Conflict  update pods default/web  user=jane  RBAC: allowed by RoleBinding \"jane-edit/default\" "
                        + "of ClusterRole \"edit\" to Group \"dev\""));
    }

    @Test
    @DisplayName("the audit log records user, verb, decision, reason and response code in order")
    void auditEvents() {
        Api admin = f.as("admin-token");
        admin.create(AuthFixture.pod("default", "web"));
        assertThat(code(() -> f.as("bob-token").delete(Pod.class, "default", "web"))).isEqualTo(403);

        List<AuditEvent> events = f.audit.events();
        assertThat(events).hasSize(2);
        AuditEvent created = events.get(0);
        assertThat(created.auditID()).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(created.stage()).isEqualTo("ResponseComplete");
        assertThat(created.verb()).isEqualTo("create");
        assertThat(created.requestURI()).isEqualTo("/api/v1/namespaces/default/pods");
        assertThat(created.user().username()).isEqualTo("admin");
        assertThat(created.user().groups()).containsExactly("system:masters", "system:authenticated");
        assertThat(created.objectRef()).isEqualTo(new AuditEvent.ObjectRef("pods", "default", "web", null, "v1", null));
        assertThat(created.responseStatus().code()).isEqualTo(201);
        assertThat(created.annotations()).containsEntry("authorization.k8s.io/decision", "allow")
                .containsEntry("authorization.k8s.io/reason", "RBAC: allowed by ClusterRoleBinding \"cluster-admin\" "
                        + "of ClusterRole \"cluster-admin\" to Group \"system:masters\"");
        assertThat(created.stageTimestamp()).isEqualTo(f.loop.clock().now());

        AuditEvent denied = events.get(1);
        assertThat(denied.requestURI()).isEqualTo("/api/v1/namespaces/default/pods/web");
        assertThat(denied.decision()).isEqualTo("forbid");
        assertThat(denied.responseStatus()).isEqualTo(new AuditEvent.ResponseStatus(403, "Failure", "Forbidden",
                "pods \"web\" is forbidden: User \"bob\" cannot delete resource \"pods\" in API group \"\" in the namespace \"default\""));
    }

    @Test
    @DisplayName("a trace shows the stages a request went through, and where it stopped")
    void trace() {
        Api admin = f.as("admin-token");
        assertThat(code(() -> admin.delete(Namespace.class, null, "default"))).isEqualTo(403);
        assertThat(f.chain.trace(f.audit.last())).isEqualTo(String.join("\n",
                "delete namespaces default   (/api/v1/namespaces/default)",
                "  authentication  user \"admin\" groups [system:masters, system:authenticated]",
                "  authorization   allow (RBAC: allowed by ClusterRoleBinding \"cluster-admin\" of ClusterRole "
                        + "\"cluster-admin\" to Group \"system:masters\")",
                "  admission       NamespaceLifecycle, DefaultTolerationSeconds → refused: 403 Forbidden: "
                        + "namespaces \"default\" is forbidden: this namespace may not be deleted", ""));

        admin.create(AuthFixture.pod("default", "web"));
        assertThat(f.chain.trace(f.audit.last())).contains(
                "  admission       NamespaceLifecycle, DefaultTolerationSeconds → admitted",
                "  validation      ok",
                "  storage         201 Created");

        assertThat(code(() -> admin.create(AuthFixture.pod("nowhere", "web")))).isEqualTo(404);
        assertThat(f.chain.trace(f.audit.last())).contains("admission       NamespaceLifecycle, DefaultTolerationSeconds "
                + "→ refused: 404 NotFound: namespaces \"nowhere\" not found");

        assertThat(code(() -> admin.create(AuthFixture.pod("default", "Web_1")))).isEqualTo(422);
        assertThat(f.chain.trace(f.audit.last())).contains("  validation      refused → 422 Invalid: Pod \"Web_1\" is invalid");
    }

    @Test
    @DisplayName("updateStatus is checked as update on pods/status, and bind as create on pods/binding")
    void subresources() {
        f.as("admin-token").create(AuthFixture.pod("default", "web"));
        f.bindInNamespace("default", "bob-edit", "edit", Subject.user("bob"));
        Api bob = f.as("bob-token");
        Pod web = bob.get(Pod.class, "default", "web");

        assertThatThrownBy(() -> bob.updateStatus(web)).hasMessage("pods \"web\" is forbidden: User \"bob\" cannot "
                + "update resource \"pods/status\" in API group \"\" in the namespace \"default\"");
        Binding binding = new Binding(null, null, ObjectMeta.of("default", "web"),
                new ObjectReference("Node", null, "node-1", null, null, null, null));
        assertThatThrownBy(() -> bob.bind(binding)).hasMessage("pods \"web\" is forbidden: User \"bob\" cannot "
                + "create resource \"pods/binding\" in API group \"\" in the namespace \"default\"");
        assertThat(f.audit.last().objectRef().subresource()).isEqualTo("binding");

        Pod bound = f.as("admin-token").bind(binding);
        assertThat(bound.spec().nodeName()).isEqualTo("node-1");
    }

    @Test
    @DisplayName("listing or watching all namespaces needs a cluster-wide grant; one namespace needs only a RoleBinding")
    void listAndWatchScope() {
        f.bindInNamespace("default", "bob-view", "view", Subject.user("bob"));
        Api bob = f.as("bob-token");
        assertThat(code(() -> bob.list(Pod.class, "default"))).isZero();
        assertThat(code(() -> bob.list(Pod.class, null))).isEqualTo(403);
        assertThat(code(() -> bob.watch(Pod.class, null, ListOptions.ALL, f.loop, e -> { }))).isEqualTo(403);
        assertThat(f.audit.last().requestURI()).isEqualTo("/api/v1/pods?watch=true");
        bob.watch(Pod.class, "default", ListOptions.ALL, f.loop, e -> { }).close();
        assertThat(f.audit.last().responseStatus().code()).isEqualTo(200);
    }

    @Test
    @DisplayName("anonymous requests are system:anonymous and can only read the public health endpoints")
    void anonymousThroughChain() {
        AuthFixture open = new AuthFixture(true);
        Api nobody = open.chain.forToken(null);
        assertThatThrownBy(() -> nobody.list(Pod.class, "default")).hasMessage("pods is forbidden: User "
                + "\"system:anonymous\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"");
        open.chain.authorizePath(RequestAuthentication.ANONYMOUS_USER, "get", "/healthz");
        assertThatThrownBy(() -> open.chain.authorizePath(RequestAuthentication.ANONYMOUS_USER, "get", "/metrics"))
                .hasMessage("forbidden: User \"system:anonymous\" cannot get path \"/metrics\"");
        assertThat(open.audit.last().requestURI()).isEqualTo("/metrics");
    }

    @Test
    @DisplayName("a ServiceAccount's token works through the chain once its account is bound")
    void serviceAccountThroughChain() {
        f.bindInNamespace("default", "sa-view", "view", Subject.serviceAccount("default", "reader"));
        Api reader = f.as(f.serviceAccounts.issue("default", "reader"));
        assertThat(reader.list(Pod.class, "default").items()).isEmpty();
        assertThat(f.audit.last().reason()).isEqualTo("RBAC: allowed by RoleBinding \"sa-view/default\" of ClusterRole "
                + "\"view\" to ServiceAccount \"reader/default\"");
    }
}
