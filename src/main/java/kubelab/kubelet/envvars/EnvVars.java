package kubelab.kubelet.envvars;

import java.util.LinkedHashMap;
import java.util.Map;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.Container;
import kubelab.api.core.EnvFromSource;
import kubelab.api.core.EnvVar;
import kubelab.api.core.EnvVarSource;
import kubelab.api.core.Pod;
import kubelab.api.core.Secret;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;

/**
 * Builds a container's environment: {@code envFrom} first (with its prefix), then {@code env}, whose
 * values may name earlier variables as {@code $(VAR)} and may come from a ConfigMap, a Secret or
 * the downward API. A missing ConfigMap or Secret that is not {@code optional} stops the
 * container from being created ({@code CreateContainerConfigError}) with Kubernetes' message.
 *
 * <p>Left out: the Service environment variables ({@code enableServiceLinks}) and the check of
 * envFrom keys that are not valid variable names.
 *
 * <p>Real Kubernetes: {@code makeEnvironmentVariables} in {@code pkg/kubelet/kubelet_pods.go} and
 * {@code third_party/forked/golang/expansion}.
 */
public final class EnvVars {
    /** Why an environment could not be built; the message is what the pod's status and events show. */
    public static final class EnvException extends RuntimeException {
        public EnvException(String message) {
            super(message);
        }
    }

    private final Api api;

    public EnvVars(Api api) {
        this.api = api;
    }

    /** The environment of {@code container} in {@code pod}, in order. */
    public Map<String, String> make(Pod pod, Container container, String hostIP, String podIP,
                                    Map<String, Quantity> nodeAllocatable) {
        String ns = pod.metadata().namespace();
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.envFrom()) {
            String prefix = from.prefix() == null ? "" : from.prefix();
            if (from.configMapRef() != null) {
                ConfigMap cm = configMap(ns, from.configMapRef().name(), from.configMapRef().optional());
                if (cm != null) {
                    cm.data().forEach((k, v) -> env.put(prefix + k, v));
                }
            }
            if (from.secretRef() != null) {
                Secret s = secret(ns, from.secretRef().name(), from.secretRef().optional());
                if (s != null) {
                    s.data().keySet().forEach(k -> env.put(prefix + k, s.stringValue(k)));
                }
            }
        }
        for (EnvVar var : container.env()) {
            String value = var.value() == null ? "" : expand(var.value(), env);
            EnvVarSource from = var.valueFrom();
            if (from != null) {
                value = valueFrom(from, pod, container, hostIP, podIP, nodeAllocatable);
                if (value == null) {
                    continue; // an optional key that is absent: the variable is left out
                }
            }
            env.put(var.name(), value);
        }
        return env;
    }

    private String valueFrom(EnvVarSource from, Pod pod, Container container, String hostIP, String podIP,
                             Map<String, Quantity> nodeAllocatable) {
        String ns = pod.metadata().namespace();
        if (from.fieldRef() != null) {
            return FieldPaths.fieldValue(from.fieldRef(), pod, hostIP, podIP);
        }
        if (from.resourceFieldRef() != null) {
            return FieldPaths.resourceValue(from.resourceFieldRef(), pod, container, nodeAllocatable);
        }
        if (from.configMapKeyRef() != null) {
            var ref = from.configMapKeyRef();
            ConfigMap cm = configMap(ns, ref.name(), ref.optional());
            String v = cm == null ? null : cm.data().get(ref.key());
            if (cm != null && v == null && !Boolean.TRUE.equals(ref.optional())) {
                throw new EnvException("couldn't find key " + ref.key() + " in ConfigMap " + ns + "/" + ref.name());
            }
            return v;
        }
        if (from.secretKeyRef() != null) {
            var ref = from.secretKeyRef();
            Secret s = secret(ns, ref.name(), ref.optional());
            String v = s == null ? null : s.stringValue(ref.key());
            if (s != null && v == null && !Boolean.TRUE.equals(ref.optional())) {
                throw new EnvException("couldn't find key " + ref.key() + " in Secret " + ns + "/" + ref.name());
            }
            return v;
        }
        return "";
    }

    private ConfigMap configMap(String ns, String name, Boolean optional) {
        try {
            return api.get(ConfigMap.class, ns, name);
        } catch (ApiException e) {
            if (e.code() == 404 && Boolean.TRUE.equals(optional)) {
                return null;
            }
            throw new EnvException(e.code() == 404 ? "configmap \"" + name + "\" not found" : e.getMessage());
        }
    }

    private Secret secret(String ns, String name, Boolean optional) {
        try {
            return api.get(Secret.class, ns, name);
        } catch (ApiException e) {
            if (e.code() == 404 && Boolean.TRUE.equals(optional)) {
                return null;
            }
            throw new EnvException(e.code() == 404 ? "secret \"" + name + "\" not found" : e.getMessage());
        }
    }

    /**
     * Replaces {@code $(NAME)} with the value of a variable defined earlier; an unknown name is left
     * as written, and {@code $$} escapes a dollar sign.
     */
    public static String expand(String input, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == '$' && i + 1 < input.length()) {
                char n = input.charAt(i + 1);
                if (n == '$') {
                    out.append('$');
                    i += 2;
                    continue;
                }
                if (n == '(') {
                    int close = input.indexOf(')', i + 2);
                    if (close > 0) {
                        String name = input.substring(i + 2, close);
                        out.append(env.containsKey(name) ? env.get(name) : "$(" + name + ")");
                        i = close + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
