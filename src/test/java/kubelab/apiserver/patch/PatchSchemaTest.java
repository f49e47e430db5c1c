package kubelab.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.meta.PatchStrategy;
import kubelab.apiserver.patch.PatchTestTypes.TestContainer;
import kubelab.apiserver.patch.PatchTestTypes.TestPodSpec;
import kubelab.apiserver.patch.PatchTestTypes.TestVolume;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class PatchSchemaTest {

    @Test
    @DisplayName("a list field's strategy and merge key come from its @PatchStrategy, its items' type from List<X>")
    void listField() {
        PatchSchema.Member containers = PatchSchema.of(TestPodSpec.class).field("containers");

        assertThat(containers.meta().merge()).isTrue();
        assertThat(containers.meta().mergeKey()).isEqualTo("name");
        assertThat(containers.schema().element().field("ports").meta().mergeKey()).isEqualTo("containerPort");
    }

    @Test
    @DisplayName("\"merge,retainKeys\" is two strategies; a field without the annotation has none")
    void strategies() {
        PatchSchema spec = PatchSchema.of(TestPodSpec.class);

        assertThat(spec.field("volumes").meta().strategies()).containsExactly("merge", "retainKeys");
        assertThat(spec.field("tolerations").meta()).isEqualTo(PatchMeta.NONE);
        assertThat(spec.field("noSuchField")).isEqualTo(PatchSchema.Member.UNKNOWN);
    }

    @Test
    @DisplayName("fields are looked up by JSON name: a @JsonProperty rename is found, the Java name is not")
    void jsonNames() {
        PatchSchema spec = PatchSchema.of(TestPodSpec.class);

        assertThat(spec.field("initContainers").meta().mergeKey()).isEqualTo("name");
        assertThat(spec.field("setupContainers")).isEqualTo(PatchSchema.Member.UNKNOWN);
    }

    @Test
    @DisplayName("a Map<String, X> gives every entry the type X; ObjectMeta's finalizers merge as a set")
    void mapsAndObjectMeta() {
        assertThat(PatchSchema.of(ObjectMeta.class).field("finalizers").meta().merge()).isTrue();
        assertThat(PatchSchema.of(ObjectMeta.class).field("finalizers").meta().mergeKey()).isEmpty();
        assertThat(PatchSchema.of(TestPodSpec.class).field("nodeSelector").schema().field("any").schema())
                .hasToString("java.lang.String");
        assertThat(PatchSchema.of(TestVolume.class).field("hostPath").schema().field("path").schema())
                .hasToString("java.lang.String");
    }

    @Test
    @DisplayName("a record is reflected once: later look-ups return the cached field")
    void cached() {
        PatchSchema.Member first = PatchSchema.of(TestContainer.class).field("env");
        PatchSchema.Member second = PatchSchema.of(TestContainer.class).field("env");

        assertThat(second).isSameAs(first);
    }

    record BadStrategy(@PatchStrategy("merge,replace") List<String> items) {
    }

    @Test
    @DisplayName("two strategies of which neither is retainKeys is a mistake in the model, caught at first use")
    void invalidStrategy() {
        assertThatThrownBy(() -> PatchSchema.of(BadStrategy.class).field("items"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unexpected patch strategy: [merge, replace]");
    }
}
