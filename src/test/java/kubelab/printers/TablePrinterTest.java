package kubelab.printers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.Namespace;
import kubelab.api.core.Pod;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class TablePrinterTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static ConfigMap configMap(String namespace, String name, int keys) {
        java.util.Map<String, String> data = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            data.put("k" + i, "v");
        }
        ConfigMap cm = ConfigMap.of(namespace, name, data);
        return cm.withMetadata(cm.metadata().withCreationTimestamp(NOW.minusSeconds(30)));
    }

    @Test
    @DisplayName("columns are as wide as their widest cell plus 3 spaces, and never narrower than 6")
    void widths() {
        Table t = new Table(List.of(TableColumnDefinition.of("A"), TableColumnDefinition.of("Long Name"),
                TableColumnDefinition.of("Z")), List.of(
                new TableRow(List.of("x", "y", "last"), null),
                new TableRow(List.of("abcdefgh", "", ""), null)));
        assertThat(TablePrinter.lines(t)).containsExactly(
                "A          LONG NAME   Z",
                "x          y           last",
                "abcdefgh"); // no trailing spaces, even before empty cells
        Table narrow = new Table(List.of(TableColumnDefinition.of("A"), TableColumnDefinition.of("B")),
                List.of(new TableRow(List.of("1", "2"), null)));
        assertThat(TablePrinter.lines(narrow)).containsExactly("A     B", "1     2");
    }

    @Test
    @DisplayName("-A adds a NAMESPACE column first, from each object")
    void allNamespaces() {
        List<ConfigMap> cms = List.of(configMap("default", "app-config", 2), configMap("kube-system", "coredns", 1));
        assertThat(Printers.lines(cms, NOW, PrintOptions.acrossNamespaces())).containsExactly(
                "NAMESPACE     NAME         DATA   AGE",
                "default       app-config   2      30s",
                "kube-system   coredns      1      30s");
        // Without the header, DATA is only 1 wide: the minimum width of 6 applies.
        assertThat(Printers.lines(cms, NOW, PrintOptions.acrossNamespaces().withNoHeaders())).containsExactly(
                "default       app-config   2     30s",
                "kube-system   coredns      1     30s");
    }

    @Test
    @DisplayName("-A leaves the NAMESPACE column out for a cluster-scoped kind")
    void clusterScoped() {
        Namespace ns = Namespace.named("default");
        Namespace created = ns.withMetadata(ns.metadata().withCreationTimestamp(NOW.minusSeconds(5)));
        assertThat(Printers.table(List.of(created), NOW, false, true).columnNames())
                .containsExactly("Name", "Status", "Age");
    }

    @Test
    @DisplayName("an empty list prints no header, only \"No resources found in default namespace.\"")
    void empty() {
        assertThat(Printers.print(List.of(), NOW, PrintOptions.inNamespace("default")))
                .isEqualTo("No resources found in default namespace.\n");
        assertThat(Printers.print(List.of(), NOW, PrintOptions.acrossNamespaces())).isEqualTo("No resources found\n");
        assertThat(Printers.print(List.of(), NOW, PrintOptions.inNamespace("kube-system")))
                .isEqualTo("No resources found in kube-system namespace.\n");
        assertThat(TablePrinter.lines(Table.EMPTY)).isEmpty();
    }

    @Test
    @DisplayName("the table keeps every column with its priority; a plain get shows priority 0, -o wide all")
    void priorities() {
        Pod pod = Pod.of(ObjectMeta.of("default", "web"), kubelab.api.core.PodSpec.of(
                kubelab.api.core.Container.of("web", "nginx")));
        Table full = Printers.table(List.of(pod), NOW);
        assertThat(full.columnDefinitions()).extracting(TableColumnDefinition::priority)
                .containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(full.columnsFor(false).columnNames()).containsExactly("Name", "Ready", "Status", "Restarts", "Age");
        assertThat(Printers.print(List.of(pod), NOW, PrintOptions.inNamespace("default"))).isEqualTo("""
                NAME   READY   STATUS   RESTARTS   AGE
                web    0/1              0          <unknown>
                """);
    }

    @Test
    @DisplayName("a table holds one kind: kubectl prints one table per kind")
    void oneKind() {
        List<KubeObject> mixed = List.of(configMap("default", "a", 1), Namespace.named("b"));
        assertThatThrownBy(() -> Printers.table(mixed, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one kind per table");
    }
}
