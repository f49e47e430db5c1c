package kubelab.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.meta.KubeObject;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;

/** A fresh API server on a simulated loop, and small builders the API tests share. */
class ApiFixture {
    final SimulatedLoop loop;
    final MemoryStore store = new MemoryStore();
    final ApiServer api;

    ApiFixture() {
        this(1);
    }

    ApiFixture(long seed) {
        loop = new SimulatedLoop(seed);
        api = new ApiServer(store, Scheme.standard(), loop);
    }

    static Pod pod(String name, String... labels) {
        Pod pod = Pod.of("default", name, PodSpec.of(Container.of("app", "nginx:1.14.2")));
        for (int i = 0; i + 1 < labels.length; i += 2) {
            pod = pod.withMetadata(pod.metadata().withLabel(labels[i], labels[i + 1]));
        }
        return pod;
    }

    static Pod podOn(String name, String node) {
        Pod pod = pod(name);
        return pod.withSpec(pod.spec().withNodeName(node));
    }

    static ConfigMap configMap(String name, String key, String value) {
        return ConfigMap.of("default", name, Map.of(key, value));
    }

    /** Records what a watch delivers, as "TYPE name@rv". */
    static final class Recorder<T extends KubeObject> implements WatchHandler<T> {
        final List<WatchEvent<T>> events = new ArrayList<>();
        boolean closed;

        @Override
        public void onEvent(WatchEvent<T> event) {
            events.add(event);
        }

        @Override
        public void onClose() {
            closed = true;
        }

        List<String> lines() {
            return events.stream().map(e -> e.object() == null ? e.type() + "@" + e.resourceVersion()
                    : e.type() + " " + e.object().metadata().name() + "@" + e.resourceVersion()).toList();
        }
    }
}
