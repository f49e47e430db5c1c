package kubelab.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.Json;
import kubelab.printers.Printers;
import kubelab.printers.Table;
import kubelab.printers.TableColumnDefinition;
import kubelab.printers.TableRow;

/**
 * Server-side printing: a list (or one watch event's object) as a {@code meta.k8s.io/v1} Table,
 * which is what {@code kubectl get} asks for first ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}).
 * kubectl prints the cells it is given, so the columns here are the ones {@code kubectl get} shows
 * against a real cluster: every column, with a priority; kubectl keeps priority 0 unless {@code -o wide}.
 * Each row carries the object's metadata as a PartialObjectMetadata ({@code includeObject=Metadata},
 * the default), which kubectl reads for {@code -A}'s NAMESPACE column and {@code --show-labels}.
 *
 * <p>Real Kubernetes: {@code TableConvertor} in {@code k8s.io/apiserver/pkg/registry/rest/table.go}
 * and the handlers of {@code pkg/printers/internalversion}.
 */
final class TableConvertor {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TableConvertor() {
    }

    /** True if an Accept header asks for a meta.k8s.io/v1 Table before anything else it accepts. */
    static boolean wantsTable(String accept) {
        if (accept == null) {
            return false;
        }
        String first = accept.split(",")[0].replace(" ", "");
        return first.contains("as=Table") && first.contains("g=meta.k8s.io") && first.contains("v=v1")
                && !first.contains("v=v1beta1");
    }

    /** The table of {@code objects} of {@code kind}, read at {@code resourceVersion}. */
    static ObjectNode table(String kind, List<? extends KubeObject> objects, Instant now, String resourceVersion,
                            String continueToken) {
        Table t = objects.isEmpty() ? new Table(Printers.columns(kind), List.of()) : Printers.table(objects, now);
        ObjectNode doc = NODES.objectNode();
        doc.put("kind", "Table");
        doc.put("apiVersion", "meta.k8s.io/v1");
        ObjectNode meta = doc.putObject("metadata");
        if (resourceVersion != null) {
            meta.put("resourceVersion", resourceVersion);
        }
        if (continueToken != null && !continueToken.isEmpty()) {
            meta.put("continue", continueToken);
        }
        ArrayNode columns = doc.putArray("columnDefinitions");
        for (TableColumnDefinition c : t.columnDefinitions()) {
            ObjectNode col = columns.addObject();
            col.put("name", title(c.name()));
            col.put("type", "string");
            col.put("format", c.name().equalsIgnoreCase("name") ? "name" : "");
            col.put("description", "");
            col.put("priority", c.priority());
        }
        ArrayNode rows = doc.putArray("rows");
        for (TableRow r : t.rows()) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            r.cells().forEach(cells::add);
            ObjectNode object = row.putObject("object");
            object.put("kind", "PartialObjectMetadata");
            object.put("apiVersion", "meta.k8s.io/v1");
            object.set("metadata", Json.toTree(r.object()));
        }
        return doc;
    }

    /** {@code NOMINATED NODE} to {@code Nominated Node}: the server's column names; kubectl upper-cases them. */
    private static String title(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ';
        }
        return b.toString();
    }
}
