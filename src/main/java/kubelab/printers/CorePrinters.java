package kubelab.printers;

import static kubelab.printers.Cells.NONE;
import static kubelab.printers.Cells.isEmpty;
import static kubelab.printers.Cells.str;
import static kubelab.printers.TableColumnDefinition.of;
import static kubelab.printers.TableColumnDefinition.wide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.Event;
import kubelab.api.core.LoadBalancerIngress;
import kubelab.api.core.Namespace;
import kubelab.api.core.Node;
import kubelab.api.core.NodeAddress;
import kubelab.api.core.NodeCondition;
import kubelab.api.core.NodeSystemInfo;
import kubelab.api.core.ObjectReference;
import kubelab.api.core.Secret;
import kubelab.api.core.Service;
import kubelab.api.core.ServicePort;
import kubelab.api.core.ServiceSpec;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.MicroTime;

/**
 * The rows of core objects: Node, Service, Namespace, ConfigMap, Secret and Event, and the NAME AGE
 * row of any kind without a printer of its own.
 *
 * <p>Real Kubernetes: {@code printNode}, {@code printService}, {@code printNamespace},
 * {@code printConfigMap}, {@code printSecret} and {@code printEvent} in
 * {@code pkg/printers/internalversion/printers.go}; the NAME AGE fallback is what a custom resource
 * without printer columns shows.
 */
final class CorePrinters {

    static final String LABEL_NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
    static final String NODE_LABEL_ROLE = "kubernetes.io/role";

    static final TableHandler<Node> NODE = TableHandler.of(Node.class, List.of(of("Name"), of("Status"),
            of("Roles"), of("Age"), of("Version"), wide("Internal-IP"), wide("External-IP"), wide("OS-Image"),
            wide("Kernel-Version"), wide("Container-Runtime")), CorePrinters::node);

    static final TableHandler<Service> SERVICE = TableHandler.of(Service.class, List.of(of("Name"), of("Type"),
            of("Cluster-IP"), of("External-IP"), of("Port(s)"), of("Age"), wide("Selector")), CorePrinters::service);

    static final TableHandler<Namespace> NAMESPACE = TableHandler.of(Namespace.class,
            List.of(of("Name"), of("Status"), of("Age")), (ns, now) -> List.of(Cells.name(ns),
                    str(ns.status() == null ? null : ns.status().phase()), Cells.age(ns, now)));

    static final TableHandler<ConfigMap> CONFIG_MAP = TableHandler.of(ConfigMap.class,
            List.of(of("Name"), of("Data"), of("Age")), (cm, now) -> List.of(Cells.name(cm),
                    String.valueOf(cm.data().size() + cm.binaryData().size()), Cells.age(cm, now)));

    static final TableHandler<Secret> SECRET = TableHandler.of(Secret.class,
            List.of(of("Name"), of("Type"), of("Data"), of("Age")), (s, now) -> List.of(Cells.name(s),
                    str(s.type()), String.valueOf(s.data().size()), Cells.age(s, now)));

    static final TableHandler<Event> EVENT = TableHandler.of(Event.class, List.of(of("Last Seen"), of("Type"),
            of("Reason"), of("Object"), wide("Subobject"), wide("Source"), of("Message"), wide("First Seen"),
            wide("Count"), wide("Name")), CorePrinters::event);

    static final TableHandler<KubeObject> GENERIC = TableHandler.of(KubeObject.class,
            List.of(of("Name"), of("Age")), (obj, now) -> List.of(Cells.name(obj), Cells.age(obj, now)));

    private CorePrinters() {
    }

    /** STATUS from the Ready condition (Ready, NotReady, or Unknown without one), plus SchedulingDisabled. */
    static List<String> node(Node node, Instant now) {
        Map<String, NodeCondition> conditions = new LinkedHashMap<>();
        if (node.status() != null) {
            node.status().conditions().forEach(c -> conditions.put(c.type(), c));
        }
        List<String> status = new ArrayList<>();
        NodeCondition ready = conditions.get("Ready");
        if (ready != null) {
            status.add(ConditionStatus.TRUE.equals(ready.status()) ? "Ready" : "NotReady");
        } else {
            status.add("Unknown");
        }
        if (node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable())) {
            status.add("SchedulingDisabled");
        }
        String roles = String.join(",", roles(node));
        NodeSystemInfo info = node.status() == null ? null : node.status().nodeInfo();
        return List.of(Cells.name(node), String.join(",", status), roles.isEmpty() ? NONE : roles,
                Cells.age(node, now), str(info == null ? null : info.kubeletVersion()),
                address(node, "InternalIP"), address(node, "ExternalIP"),
                orUnknown(info == null ? null : info.osImage()), orUnknown(info == null ? null : info.kernelVersion()),
                orUnknown(info == null ? null : info.containerRuntimeVersion()));
    }

    /**
     * The roles from {@code node-role.kubernetes.io/<role>} labels and a {@code kubernetes.io/role}
     * label. Sorted here; Kubernetes takes them from a set in no fixed order.
     */
    static Set<String> roles(Node node) {
        Set<String> roles = new TreeSet<>();
        Map<String, String> labels = node.metadata() == null ? Map.of() : node.metadata().labels();
        labels.forEach((k, v) -> {
            if (k.startsWith(LABEL_NODE_ROLE_PREFIX) && k.length() > LABEL_NODE_ROLE_PREFIX.length()) {
                roles.add(k.substring(LABEL_NODE_ROLE_PREFIX.length()));
            } else if (k.equals(NODE_LABEL_ROLE) && !isEmpty(v)) {
                roles.add(v);
            }
        });
        return roles;
    }

    private static String address(Node node, String type) {
        if (node.status() != null) {
            for (NodeAddress a : node.status().addresses()) {
                if (type.equals(a.type())) {
                    return str(a.address());
                }
            }
        }
        return NONE;
    }

    private static String orUnknown(String s) {
        return isEmpty(s) ? HumanDuration.UNKNOWN : s;
    }

    /** CLUSTER-IP from {@code clusterIPs}; PORT(S) as {@code 80/TCP} or {@code 80:30080/TCP} with a node port. */
    static List<String> service(Service svc, Instant now) {
        ServiceSpec spec = svc.spec() == null ? ServiceSpec.of(null, null, null) : svc.spec();
        String clusterIP = !spec.clusterIPs().isEmpty() ? spec.clusterIPs().get(0)
                : isEmpty(spec.clusterIP()) ? NONE : spec.clusterIP(); // clusterIP when clusterIPs is not filled in
        List<String> ports = new ArrayList<>();
        for (ServicePort p : spec.ports()) {
            String nodePort = p.nodePort() != null && p.nodePort() > 0 ? ":" + p.nodePort() : "";
            ports.add(Cells.num(p.port()) + nodePort + "/" + str(p.protocol()));
        }
        return List.of(Cells.name(svc), str(spec.type()), clusterIP, externalIP(svc, spec),
                ports.isEmpty() ? NONE : String.join(",", ports), Cells.age(svc, now),
                Cells.formatLabels(spec.selector()));
    }

    /** EXTERNAL-IP: externalIPs, the load balancer's ingress ({@code <pending>} until it has one), or externalName. */
    private static String externalIP(Service svc, ServiceSpec spec) {
        switch (str(spec.type())) {
            case "ClusterIP", "NodePort":
                return spec.externalIPs().isEmpty() ? NONE : String.join(",", spec.externalIPs());
            case "LoadBalancer":
                Set<String> ips = new LinkedHashSet<>(); // Kubernetes uses an unordered set
                if (svc.status() != null && svc.status().loadBalancer() != null) {
                    for (LoadBalancerIngress in : svc.status().loadBalancer().ingress()) {
                        if (!isEmpty(in.ip())) {
                            ips.add(in.ip());
                        } else if (!isEmpty(in.hostname())) {
                            ips.add(in.hostname());
                        }
                    }
                }
                List<String> all = new ArrayList<>(ips);
                all.addAll(spec.externalIPs());
                return all.isEmpty() ? "<pending>" : String.join(",", all);
            case "ExternalName":
                return str(spec.externalName());
            default:
                return HumanDuration.UNKNOWN;
        }
    }

    /**
     * LAST SEEN from lastTimestamp (or the series' last observation, or firstTimestamp, or
     * eventTime); OBJECT as {@code kind/name} in lower case; MESSAGE trimmed.
     */
    static List<String> event(Event e, Instant now) {
        String firstSeen = e.firstTimestamp() != null ? HumanDuration.since(e.firstTimestamp(), now)
                : HumanDuration.since(time(e.eventTime()), now);
        String lastSeen = e.lastTimestamp() == null ? firstSeen : HumanDuration.since(e.lastTimestamp(), now);
        int count = Cells.num(e.count());
        if (e.series() != null) {
            lastSeen = HumanDuration.since(time(e.series().lastObservedTime()), now);
            count = Cells.num(e.series().count());
        } else if (count == 0) {
            count = 1; // events of the events.k8s.io API leave count unset when they happened once
        }
        ObjectReference involved = e.involvedObject() == null
                ? new ObjectReference(null, null, null, null, null, null, null) : e.involvedObject();
        String kind = str(involved.kind()).toLowerCase(Locale.ROOT);
        String target = isEmpty(involved.name()) ? kind : kind + "/" + involved.name();
        String component = e.source() != null && !isEmpty(e.source().component()) ? e.source().component()
                : str(e.reportingComponent());
        String host = e.source() != null && !isEmpty(e.source().host()) ? e.source().host()
                : str(e.reportingInstance());
        String source = host.isEmpty() ? component : component + ", " + host;
        return List.of(lastSeen, str(e.type()), str(e.reason()), target, str(involved.fieldPath()), source,
                str(e.message()).strip(), firstSeen, String.valueOf(count), Cells.name(e));
    }

    private static Instant time(MicroTime t) {
        return t == null ? null : t.time();
    }
}
