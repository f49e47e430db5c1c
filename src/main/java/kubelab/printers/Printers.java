package kubelab.printers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.meta.KubeObject;

/**
 * What {@code kubectl get} prints for a list of objects of one kind: picks the kind's
 * {@link TableHandler} (Pod, Node, Deployment, ReplicaSet, ReplicationController, DaemonSet,
 * StatefulSet, Job, HorizontalPodAutoscaler, Service, Namespace, ConfigMap, Secret, Event; NAME AGE
 * for any other kind), builds the {@link Table}, and prints it with {@link TablePrinter}.
 *
 * <p>Times are relative to {@code now}, which the caller takes from its clock, so the same objects
 * print the same way in a test, a notebook and a replay. Rows keep the order of the list, as
 * kubectl keeps the order the API server returned (by name within a namespace).
 *
 * <pre>{@code
 * String out = Printers.print(api.list(Pod.class, "default"), clock.now(), PrintOptions.inNamespace("default"));
 * }</pre>
 *
 * <p>Real Kubernetes: the server side builds the Table ({@code AddHandlers} and the print functions
 * in {@code pkg/printers/internalversion/printers.go}, served through
 * {@code pkg/printers/tablegenerator.go}); kubectl prints it ({@code HumanReadablePrinter} in
 * {@code k8s.io/cli-runtime/pkg/printers/tableprinter.go}).
 */
public final class Printers {

    private static final Map<String, TableHandler<?>> HANDLERS = new LinkedHashMap<>();

    static {
        register("Pod", PodPrinter.HANDLER);
        register("Node", CorePrinters.NODE);
        register("Deployment", WorkloadPrinters.DEPLOYMENT);
        register("ReplicaSet", WorkloadPrinters.REPLICA_SET);
        register("ReplicationController", WorkloadPrinters.REPLICATION_CONTROLLER);
        register("DaemonSet", WorkloadPrinters.DAEMON_SET);
        register("StatefulSet", WorkloadPrinters.STATEFUL_SET);
        register("Job", WorkloadPrinters.JOB);
        register("HorizontalPodAutoscaler", HorizontalPodAutoscalerPrinter.HANDLER);
        register("Service", CorePrinters.SERVICE);
        register("Namespace", CorePrinters.NAMESPACE);
        register("ConfigMap", CorePrinters.CONFIG_MAP);
        register("Secret", CorePrinters.SECRET);
        register("Event", CorePrinters.EVENT);
    }

    private Printers() {
    }

    private static void register(String kind, TableHandler<?> handler) {
        HANDLERS.put(kind, handler);
    }

    /**
     * The full table of these objects, every column included (as the API server returns it);
     * {@link Table#EMPTY} for no objects.
     *
     * @throws IllegalArgumentException if the objects are of more than one kind (kubectl prints one
     *         table per kind)
     */
    public static Table table(List<? extends KubeObject> objects, Instant now) {
        if (objects.isEmpty()) {
            return Table.EMPTY;
        }
        String kind = objects.get(0).kind();
        for (KubeObject obj : objects) {
            if (!kind.equals(obj.kind())) {
                throw new IllegalArgumentException("one kind per table: found " + kind + " and " + obj.kind());
            }
        }
        TableHandler<?> handler = HANDLERS.get(kind);
        if (handler == null || !handler.type().isInstance(objects.get(0))) {
            handler = CorePrinters.GENERIC;
        }
        return handler.table(objects, now);
    }

    /**
     * The column definitions of a kind's table, all of them: what the API server answers for an
     * empty list, so that a client watching it knows the columns before the first row arrives.
     */
    public static List<TableColumnDefinition> columns(String kind) {
        TableHandler<?> handler = HANDLERS.getOrDefault(kind, CorePrinters.GENERIC);
        return handler.columns();
    }

    /** The columns {@code kubectl get} shows: priority 0, or all of them with {@code -o wide}. */
    public static Table table(List<? extends KubeObject> objects, Instant now, boolean wide) {
        return table(objects, now).columnsFor(wide);
    }

    /**
     * As {@link #table(List, Instant, boolean)}, with a first NAMESPACE column when
     * {@code allNamespaces} ({@code kubectl get -A}) and the objects live in namespaces.
     */
    public static Table table(List<? extends KubeObject> objects, Instant now, boolean wide, boolean allNamespaces) {
        Table t = table(objects, now, wide);
        // kubectl leaves the column out for a cluster-scoped kind even with -A; such objects have no namespace.
        boolean namespaced = objects.stream().anyMatch(o -> !Cells.isEmpty(o.namespace()));
        return allNamespaces && namespaced ? t.withNamespaceColumn() : t;
    }

    /**
     * The text {@code kubectl get} shows for these objects: the table, each line ending in a
     * newline, or, when there are none, "No resources found in default namespace." ("No resources
     * found" with {@code -A}) and a newline.
     *
     * <p>As in kubectl, an empty list of a cluster-scoped kind also names the namespace
     * ({@code kubectl get nodes} on a cluster without nodes says "No resources found in default
     * namespace."): kubectl only learns a kind's scope from the objects it got, and there are none
     * (kubernetes/kubectl#757).
     */
    public static String print(List<? extends KubeObject> objects, Instant now, PrintOptions options) {
        if (objects.isEmpty()) {
            String namespace = options.namespace() == null ? "default" : options.namespace();
            return TablePrinter.noResourcesFound(options.allNamespaces() ? null : namespace) + "\n";
        }
        Table t = table(objects, now, options.wide(), options.allNamespaces());
        return TablePrinter.join(TablePrinter.lines(t, options.noHeaders()));
    }

    /** The lines of {@link #print}, without their newlines. */
    public static List<String> lines(List<? extends KubeObject> objects, Instant now, PrintOptions options) {
        return print(objects, now, options).lines().toList();
    }
}
