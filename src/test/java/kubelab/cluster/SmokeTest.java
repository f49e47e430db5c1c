package kubelab.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        var c = Cluster.create();
        System.out.println(c.get("nodes -o wide"));
        c.apply(Path.of("../shared/k8s-examples/controllers/nginx-deployment.yaml"));
        System.out.println(c.settleWithin(java.time.Duration.ofMinutes(10)));
        System.out.println(c.get("pods -o wide"));
        System.out.println(c.get("deployments"));
        System.out.println(c.timeline().render());
    }
}
