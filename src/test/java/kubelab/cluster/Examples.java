package kubelab.cluster;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import kubelab.api.core.Pod;

/** The documentation's manifests, and small readers for what a test checks after running them. */
final class Examples {
    static final Path DIR = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    private Examples() {
    }

    static Path file(String relative) {
        return DIR.resolve(relative);
    }

    /** A cluster of three default nodes with these files applied, in order. */
    /** A Deployment of {@code replicas} nginx pods labelled {@code app: name}, as YAML. */
    static String nginxDeployment(String name, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %1$s}
                spec:
                  replicas: %2$d
                  selector: {matchLabels: {app: %1$s}}
                  template:
                    metadata: {labels: {app: %1$s}}
                    spec:
                      containers: [{name: web, image: nginx:1.14.2}]
                """.formatted(name, replicas);
    }

    static Cluster run(String... files) {
        Cluster cluster = Cluster.create();
        for (String f : files) {
            cluster.apply(file(f));
        }
        return cluster;
    }

    /** The STATUS column kubectl prints for a pod, e.g. {@code Init:CrashLoopBackOff}. */
    static String status(Cluster cluster, String namespace, String pod) {
        return column(cluster, namespace, pod, 2);
    }

    /** The READY column, e.g. {@code 1/2}. */
    static String ready(Cluster cluster, String namespace, String pod) {
        return column(cluster, namespace, pod, 1);
    }

    /** The RESTARTS column's count. */
    static int restarts(Cluster cluster, String namespace, String pod) {
        return Integer.parseInt(column(cluster, namespace, pod, 3));
    }

    private static String column(Cluster cluster, String namespace, String pod, int index) {
        for (String line : cluster.get("pods -n " + namespace).split("\n")) {
            List<String> cells = Arrays.asList(line.trim().split("\\s+"));
            if (cells.get(0).equals(pod)) {
                return cells.get(index);
            }
        }
        throw new AssertionError("no pod " + namespace + "/" + pod + " in\n" + cluster.get("pods -n " + namespace));
    }

    /** The pods whose names start with {@code prefix}, in the default namespace. */
    static List<Pod> podsNamed(Cluster cluster, String prefix) {
        return cluster.pods("default").stream().filter(p -> p.name().startsWith(prefix)).toList();
    }

    /** The phase of a pod. */
    static String phase(Cluster cluster, String namespace, String pod) {
        Pod p = cluster.pod(namespace, pod);
        return p.status() == null ? null : p.status().phase();
    }
}
