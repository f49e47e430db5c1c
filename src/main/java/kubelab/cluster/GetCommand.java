package kubelab.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.Api;
import kubelab.apiserver.ListOptions;
import kubelab.printers.PrintOptions;
import kubelab.printers.Printers;

/**
 * The reading half of kubectl, for notebooks: {@code get RESOURCE [-o wide] [-n NS | -A]
 * [-l SELECTOR]}, answered from the API server and printed by {@link Printers} exactly as kubectl
 * prints it. Events come in the order they happened, everything else by namespace and name.
 *
 * <p>Real Kubernetes: {@code kubectl get} ({@code staging/src/k8s.io/kubectl/pkg/cmd/get}).
 */
final class GetCommand {
    private GetCommand() {
    }

    static String run(Api api, Instant now, String arguments) {
        List<String> args = new ArrayList<>(List.of(arguments.trim().split("\\s+")));
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new IllegalArgumentException("say what to get, e.g. get(\"pods -o wide\")");
        }
        String resource = args.remove(0);
        String namespace = "default";
        boolean all = false;
        boolean wide = false;
        String selector = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-A", "--all-namespaces" -> all = true;
                case "-o" -> wide = "wide".equals(value(args, ++i, a));
                case "-o=wide", "-owide" -> wide = true;
                case "-n", "--namespace" -> namespace = value(args, ++i, a);
                case "-l", "--selector" -> selector = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown flag " + a
                        + " (get takes -o wide, -n NAMESPACE, -A, -l SELECTOR)");
            }
        }
        ResourceType type = api.scheme().byName(resource).orElseThrow(() -> new IllegalArgumentException(
                "the server doesn't have a resource type \"" + resource + "\""));
        String listNamespace = all || !type.namespaced() ? null : namespace;
        ListOptions options = selector == null ? ListOptions.ALL : ListOptions.labels(selector);
        List<? extends KubeObject> items = new ArrayList<>(api.list(type.javaType(), listNamespace, options).items());
        if (type.kind().equals("Event")) {
            items.sort(Comparator.comparing(o -> ((kubelab.api.core.Event) o).lastTimestamp(),
                    Comparator.nullsFirst(Comparator.naturalOrder())));
        }
        PrintOptions print = all ? PrintOptions.acrossNamespaces() : PrintOptions.inNamespace(namespace);
        return Printers.print(items, now, wide ? print.withWide() : print);
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException("flag needs an argument: " + flag);
        }
        return args.get(i);
    }
}
