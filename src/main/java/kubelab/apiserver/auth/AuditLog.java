package kubelab.apiserver.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kubelab.time.Clock;

/**
 * The most recent requests, one {@link AuditEvent} each, oldest first: a bounded ring buffer, so
 * a long run keeps the last {@code capacity} requests and forgets the rest. Audit IDs count up
 * ({@code 00000000-0000-0000-0000-000000000001}) so that a simulated run logs the same IDs every
 * time; timestamps come from the clock it is given.
 *
 * <p>{@link #toString()} prints one line per request:
 * {@code 201 Created  create pods default/web  user=jane  RBAC: allowed by RoleBinding ...};
 * {@link #trace} spells one request out stage by stage.
 *
 * <p>Real Kubernetes: the audit backend ({@code k8s.io/apiserver/pkg/audit}, the log backend in
 * {@code plugin/pkg/audit/log}) behind {@code filters.WithAudit}; its buffering is
 * {@code plugin/pkg/audit/buffered}.
 */
public final class AuditLog {
    /** The verbs that pass admission and validation (reads go straight to storage). */
    private static final Set<String> WRITE_VERBS = Set.of("create", "update", "patch", "delete", "deletecollection");

    private final Clock clock;
    private final int capacity;
    private final Deque<AuditEvent> events;
    private long nextId = 1;
    private long dropped;

    public AuditLog(Clock clock, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public Clock clock() {
        return clock;
    }

    public int capacity() {
        return capacity;
    }

    /** An ID for the next request. */
    public synchronized String nextAuditID() {
        return new UUID(0, nextId++).toString();
    }

    /** Records an event, forgetting the oldest if the log is full. */
    public synchronized void add(AuditEvent event) {
        if (events.size() == capacity) {
            events.removeFirst();
            dropped++;
        }
        events.addLast(event);
    }

    /** The recorded events, oldest first. */
    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /** The newest event. @throws java.util.NoSuchElementException if none */
    public synchronized AuditEvent last() {
        return events.getLast();
    }

    /** How many events were forgotten because the log was full. */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized void clear() {
        events.clear();
    }

    /** One line per recorded request, oldest first. */
    @Override
    public String toString() {
        return events().stream().map(AuditLog::line).collect(Collectors.joining("\n"));
    }

    /** {@code 201 Created  create pods default/web  user=jane  RBAC: allowed by ...}. */
    public static String line(AuditEvent e) {
        StringBuilder b = new StringBuilder();
        AuditEvent.ResponseStatus rs = e.responseStatus();
        b.append(rs.code()).append(' ').append(rs.reason() != null && !rs.reason().isEmpty() ? rs.reason() : phrase(rs.code()));
        b.append("  ").append(e.verb()).append(' ').append(target(e));
        b.append("  user=").append(e.user() == null ? "<unauthenticated>" : e.user().username());
        if (e.decision() != null) {
            b.append("  ").append(e.decision().equals("allow") ? e.reason() : ("forbid" + (e.reason().isEmpty() ? "" : ": " + e.reason())));
        }
        return b.toString();
    }

    /**
     * The request stage by stage, as a notebook shows it: authentication, authorization, then
     * admission, validation and storage. Where the request stopped is the last stage shown.
     * {@code admissionPlugins} is the server's chain (for writes); pass an empty list if unknown.
     */
    public static String trace(AuditEvent e, List<String> admissionPlugins) {
        StringBuilder b = new StringBuilder();
        b.append(e.verb()).append(' ').append(target(e)).append("   (").append(e.requestURI()).append(")\n");
        AuditEvent.ResponseStatus rs = e.responseStatus();
        String outcome = rs.code() + " " + (rs.reason() != null && !rs.reason().isEmpty() ? rs.reason() : phrase(rs.code()))
                + (rs.message() == null || rs.message().isEmpty() ? "" : ": " + rs.message());
        if (e.user() == null) {
            return b.append(row("authentication", "failed → " + outcome)).toString();
        }
        b.append(row("authentication", "user \"" + e.user().username() + "\" groups " + e.user().groups()));
        if (!"allow".equals(e.decision())) {
            return b.append(row("authorization", "forbid" + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")")
                    + " → " + outcome)).toString();
        }
        b.append(row("authorization", "allow (" + e.reason() + ")"));
        String stage = failedStage(e);
        if ("request".equals(stage)) {
            return b.append(row("request", "refused → " + outcome)).toString();
        }
        boolean write = WRITE_VERBS.contains(e.verb());
        String chain = admissionPlugins.isEmpty() ? "(chain unknown)" : String.join(", ", admissionPlugins);
        if ("admission".equals(stage)) {
            return b.append(row("admission", chain + " → refused: " + outcome)).toString();
        }
        if (write) {
            b.append(row("admission", chain + " → admitted"));
        }
        if ("validation".equals(stage)) {
            return b.append(row("validation", "refused → " + outcome)).toString();
        }
        if (write) {
            b.append(row("validation", "ok"));
        }
        return b.append(row("storage", outcome)).toString();
    }

    /**
     * Where a request the authorizer allowed failed, read from its Status as a learner would: a
     * Forbidden then comes from admission, a NotFound about another resource (the namespace of a
     * create) from NamespaceLifecycle admission, Invalid from validation, the rest from storage.
     */
    static String failedStage(AuditEvent e) {
        AuditEvent.ResponseStatus rs = e.responseStatus();
        if (rs.succeeded()) {
            return null;
        }
        String reason = rs.reason() == null ? "" : rs.reason();
        String resource = e.objectRef() == null ? "" : e.objectRef().resource();
        return switch (reason) {
            case "Forbidden" -> "admission";
            case "Invalid" -> "validation";
            case "BadRequest", "MethodNotAllowed", "UnsupportedMediaType" -> "request";
            case "NotFound" -> rs.message() != null && !rs.message().startsWith(resource) ? "admission" : "storage";
            default -> "storage";
        };
    }

    private static String row(String stage, String text) {
        return String.format("  %-15s %s\n", stage, text);
    }

    private static String target(AuditEvent e) {
        AuditEvent.ObjectRef o = e.objectRef();
        if (o == null) {
            return e.requestURI();
        }
        String resource = (o.apiGroup() == null || o.apiGroup().isEmpty() ? o.resource() : o.resource() + "." + o.apiGroup())
                + (o.subresource() == null || o.subresource().isEmpty() ? "" : "/" + o.subresource());
        String ns = o.namespace() == null || o.namespace().isEmpty() ? "" : o.namespace();
        String name = o.name() == null ? "" : o.name();
        String where = ns.isEmpty() ? name : name.isEmpty() ? ns : ns + "/" + name;
        return where.isEmpty() ? resource : resource + " " + where;
    }

    /** The HTTP reason phrase, for successful responses (whose Status has no reason). */
    static String phrase(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            default -> "";
        };
    }
}
