package kubelab.apiserver.registry.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.api.core.Event;
import kubelab.api.core.ObjectReference;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * Events: an event lives in the namespace of the object it is about (events about cluster-scoped
 * objects such as Nodes go to {@code default}); a new-style event (with {@code eventTime}) also
 * names the component and instance that reported it, the action and the reason. Events can be
 * selected by the object they are about, the reason, the reporting component, the source and the
 * type: this is how {@code kubectl describe pod web} finds the events of one pod
 * ({@code involvedObject.name=web,involvedObject.namespace=default,involvedObject.uid=...}).
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/event/strategy.go} ({@code ToSelectableFields}) and
 * {@code ValidateEventCreate} in {@code pkg/apis/core/validation/events.go}.
 */
public final class EventStrategy implements Strategy<Event> {
    private static final Set<String> FIELDS = Set.of("involvedObject.kind", "involvedObject.namespace",
            "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
            "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type");
    private static final int REPORTING_INSTANCE_LIMIT = 128;
    private static final int ACTION_LIMIT = 128;
    private static final int REASON_LIMIT = 128;
    private static final int NOTE_LIMIT = 1024;

    @Override
    public List<FieldError> validate(Event event) {
        List<FieldError> errors = new ArrayList<>();
        ObjectReference involved = event.involvedObject();
        String involvedNamespace = involved == null || involved.namespace() == null ? "" : involved.namespace();
        String namespace = event.metadata().namespace() == null ? "" : event.metadata().namespace();
        if (event.eventTime() == null) {
            // A legacy event: its namespace is its object's, or default for cluster-scoped objects.
            boolean matches = involvedNamespace.isEmpty() ? namespace.isEmpty() || namespace.equals("default")
                    : namespace.equals(involvedNamespace);
            if (!matches) {
                errors.add(FieldError.invalid("involvedObject.namespace", involvedNamespace, "does not match event.namespace"));
            }
            return errors;
        }
        if (involvedNamespace.isEmpty() && !namespace.equals("default") && !namespace.equals("kube-system")) {
            errors.add(FieldError.invalid("involvedObject.namespace", involvedNamespace, "does not match event.namespace"));
        }
        String controller = event.reportingComponent() == null ? "" : event.reportingComponent();
        if (controller.isEmpty()) {
            errors.add(FieldError.required("reportingComponent", null));
        }
        errors.addAll(LabelChecks.qualifiedName(controller, "reportingComponent"));
        errors.addAll(required(event.reportingInstance(), "reportingInstance", REPORTING_INSTANCE_LIMIT));
        errors.addAll(required(event.action(), "action", ACTION_LIMIT));
        errors.addAll(required(event.reason(), "reason", REASON_LIMIT));
        if (event.message() != null && event.message().length() > NOTE_LIMIT) {
            errors.add(FieldError.invalid("message", "", "can have at most " + NOTE_LIMIT + " characters"));
        }
        return errors;
    }

    private static List<FieldError> required(String value, String path, int limit) {
        String v = value == null ? "" : value;
        if (v.isEmpty()) {
            return List.of(FieldError.required(path, null));
        }
        if (v.length() > limit) {
            return List.of(FieldError.invalid(path, "", "can have at most " + limit + " characters"));
        }
        return List.of();
    }

    @Override
    public Set<String> fieldLabels() {
        return FIELDS;
    }

    @Override
    public Map<String, String> selectableFields(Event event) {
        ObjectReference o = event.involvedObject() == null
                ? new ObjectReference(null, null, null, null, null, null, null) : event.involvedObject();
        String source = event.source() == null || event.source().component() == null ? "" : event.source().component();
        if (source.isEmpty()) {
            source = orEmpty(event.reportingComponent());
        }
        Map<String, String> f = new HashMap<>();
        f.put("involvedObject.kind", orEmpty(o.kind()));
        f.put("involvedObject.namespace", orEmpty(o.namespace()));
        f.put("involvedObject.name", orEmpty(o.name()));
        f.put("involvedObject.uid", orEmpty(o.uid()));
        f.put("involvedObject.apiVersion", orEmpty(o.apiVersion()));
        f.put("involvedObject.resourceVersion", orEmpty(o.resourceVersion()));
        f.put("involvedObject.fieldPath", orEmpty(o.fieldPath()));
        f.put("reason", orEmpty(event.reason()));
        f.put("reportingComponent", orEmpty(event.reportingComponent()));
        f.put("source", source);
        f.put("type", orEmpty(event.type()));
        return f;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
