package kubelab.scheduler.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.serialization.Json;

/** Pods and nodes for the scheduler tests, written as the YAML a learner would apply. */
public final class Manifests {
    private Manifests() {
    }

    public static Pod pod(String yaml) {
        return read(yaml, Pod.class);
    }

    public static Node node(String yaml) {
        return read(yaml, Node.class);
    }

    /** A node with the given allocatable CPU, memory and pod count, and no labels or taints. */
    public static Node node(String name, String cpu, String memory, int pods) {
        return node("""
                metadata: {name: %s}
                status:
                  allocatable: {cpu: "%s", memory: %s, pods: "%d"}
                """.formatted(name, cpu, memory, pods));
    }

    /** A one-container pod requesting the given CPU and memory ({@code null} leaves one out). */
    public static Pod pod(String name, String cpu, String memory) {
        StringBuilder requests = new StringBuilder();
        if (cpu != null) {
            requests.append("cpu: \"").append(cpu).append("\", ");
        }
        if (memory != null) {
            requests.append("memory: ").append(memory);
        }
        return pod("""
                metadata: {name: %s, namespace: default}
                spec:
                  containers:
                  - name: app
                    image: nginx
                    resources:
                      requests: {%s}
                """.formatted(name, requests));
    }

    private static <T> T read(String yaml, Class<T> type) {
        try {
            return Json.yamlMapper().readValue(yaml, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
