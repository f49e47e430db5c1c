package kubelab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl 1.32's imperative commands ({@code create deployment}, {@code run}, {@code expose} …),
 * which send their objects as protobuf, against {@code kubelab serve}: each succeeds and prints
 * what it prints against a real cluster. One served cluster for the whole class.
 */
@Tag("chapter1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("kubectl 1.32's imperative commands, sent as protobuf, against kubelab serve")
class KubectlImperativeTest {
    static final Path KUBECTL = Path.of("/usr/bin/kubectl");
    static final String NS = "imperative";

    @TempDir
    static Path dir;
    static ServeFixture serve;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(KUBECTL), KUBECTL + " is not installed");
        serve = new ServeFixture(dir);
        ok("create", "namespace", NS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    /** Runs kubectl in the test's namespace and expects it to succeed; its stdout. */
    static String ok(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "-n";
        all[1] = NS;
        System.arraycopy(args, 0, all, 2, args.length);
        ServeFixture.Result r = serve.kubectl(KUBECTL, null, all);
        assertThat(r.exit()).as("kubectl %s\n%s", String.join(" ", args), r).isZero();
        return r.out();
    }

    @Test
    @Order(1)
    @DisplayName("kubectl create deployment: the Deployment is created and its two pods come up")
    void createDeployment() throws Exception {
        ServeFixture.Result created = serve.kubectl(KUBECTL, null, "-n", NS, "-v=8",
                "create", "deployment", "web", "--image=nginx", "--replicas=2");
        assertThat(created.out()).as("%s", created).isEqualTo("deployment.apps/web created\n");
        assertThat(created.err()).as("kubectl sent the Deployment as protobuf")
                .containsPattern("(?i)Content-Type: application/vnd.kubernetes.protobuf");
        assertThat(ok("rollout", "status", "deployment/web", "--timeout=90s")).contains("successfully rolled out");
        assertThat(ok("get", "pods", "-l", "app=web", "--no-headers")).hasLineCount(2);
        assertThat(ok("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}"))
                .isEqualTo("nginx");
    }

    @Test
    @Order(2)
    @DisplayName("kubectl create service clusterip: the port and targetPort arrive")
    void createService() throws Exception {
        assertThat(ok("create", "service", "clusterip", "web", "--tcp=80:8080")).isEqualTo("service/web created\n");
        assertThat(ok("get", "service", "web", "-o", "jsonpath={.spec.ports[0].port}/{.spec.ports[0].targetPort}/{.spec.selector.app}"))
                .isEqualTo("80/8080/web");
    }

    @Test
    @Order(3)
    @DisplayName("kubectl expose deployment: a Service selecting the Deployment's pods")
    void expose() throws Exception {
        assertThat(ok("expose", "deployment", "web", "--port=80", "--name=web2")).isEqualTo("service/web2 exposed\n");
        assertThat(ok("get", "service", "web2", "-o", "jsonpath={.spec.selector.app}")).isEqualTo("web");
    }

    @Test
    @Order(4)
    @DisplayName("kubectl create job: the Job runs its command")
    void createJob() throws Exception {
        assertThat(ok("create", "job", "once", "--image=busybox", "--", "echo", "hi")).isEqualTo("job.batch/once created\n");
        assertThat(ok("get", "job", "once", "-o", "jsonpath={.spec.template.spec.containers[0].command}"))
                .isEqualTo("[\"echo\",\"hi\"]");
    }

    @Test
    @Order(5)
    @DisplayName("kubectl create cronjob: the schedule arrives")
    void createCronJob() throws Exception {
        assertThat(ok("create", "cronjob", "tick", "--image=busybox", "--schedule=*/1 * * * *"))
                .isEqualTo("cronjob.batch/tick created\n");
        assertThat(ok("get", "cronjob", "tick", "-o", "jsonpath={.spec.schedule}")).isEqualTo("*/1 * * * *");
    }

    @Test
    @Order(6)
    @DisplayName("kubectl create clusterrolebinding: the subject and roleRef arrive")
    void createClusterRoleBinding() throws Exception {
        assertThat(ok("create", "clusterrolebinding", "x", "--clusterrole=view", "--user=u"))
                .isEqualTo("clusterrolebinding.rbac.authorization.k8s.io/x created\n");
        assertThat(ok("get", "clusterrolebinding", "x", "-o", "jsonpath={.subjects[0].name}/{.roleRef.name}"))
                .isEqualTo("u/view");
    }

    @Test
    @Order(7)
    @DisplayName("kubectl run: the Pod is created and runs")
    void run() throws Exception {
        assertThat(ok("run", "one", "--image=nginx")).isEqualTo("pod/one created\n");
        assertThat(ok("wait", "pod/one", "--for=condition=Ready", "--timeout=90s")).isEqualTo("pod/one condition met\n");
    }

    @Test
    @Order(8)
    @DisplayName("kubectl create role, rolebinding, clusterrole, quota, ingress, configmap and secret succeed too")
    void otherCreates() throws Exception {
        assertThat(ok("create", "role", "reader", "--verb=get,list", "--resource=pods"))
                .isEqualTo("role.rbac.authorization.k8s.io/reader created\n");
        assertThat(ok("get", "role", "reader", "-o", "jsonpath={.rules[0].verbs}")).isEqualTo("[\"get\",\"list\"]");
        assertThat(ok("create", "rolebinding", "reader", "--role=reader", "--serviceaccount=imperative:default"))
                .isEqualTo("rolebinding.rbac.authorization.k8s.io/reader created\n");
        assertThat(ok("create", "clusterrole", "health", "--verb=get", "--non-resource-url=/healthz"))
                .isEqualTo("clusterrole.rbac.authorization.k8s.io/health created\n");
        assertThat(ok("create", "quota", "small", "--hard=pods=10,requests.cpu=2"))
                .isEqualTo("resourcequota/small created\n");
        assertThat(ok("get", "quota", "small", "-o", "jsonpath={.spec.hard.pods}")).isEqualTo("10");
        assertThat(ok("create", "ingress", "site", "--rule=example.com/=web:80"))
                .isEqualTo("ingress.networking.k8s.io/site created\n");
        assertThat(ok("get", "ingress", "site", "-o", "jsonpath={.spec.rules[0].http.paths[0].backend.service.name}"))
                .isEqualTo("web");
        assertThat(ok("create", "configmap", "settings", "--from-literal=mode=fast"))
                .isEqualTo("configmap/settings created\n");
        assertThat(ok("create", "secret", "generic", "token", "--from-literal=t=s3cret"))
                .isEqualTo("secret/token created\n");
        assertThat(ok("get", "secret", "token", "-o", "jsonpath={.data.t}")).isEqualTo("czNjcmV0");
    }
}
