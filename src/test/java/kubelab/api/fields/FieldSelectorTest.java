package kubelab.api.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kubelab.api.labels.Operator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("chapter1")
class FieldSelectorTest {

    @ParameterizedTest(name = "\"{0}\" prints as \"{1}\"")
    @DisplayName("a field selector prints its terms sorted as text, == as =, values escaped")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "x=a,y=b,z=c|x=a,y=b,z=c",
        "\"\"|\"\"",
        "x!=a,y=b|x!=a,y=b",
        "x=a\\=b|x=a\\=b",
        "x=a\\,b|x=a\\,b",
        "x=a\\\\b|x=a\\\\b",
        "status.phase==Running,metadata.name=x,spec.nodeName!=|metadata.name=x,spec.nodeName!=,status.phase=Running",
        "a=1,,b=2|a=1,b=2",
    })
    void printsCanonically(String input, String canonical) {
        assertThat(FieldSelector.parse(input)).hasToString(canonical);
    }

    @ParameterizedTest(name = "\"{0}\" fails: {1}")
    @DisplayName("a malformed field selector fails with Kubernetes' message")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "x=a,b#invalid selector: 'x=a,b'; can't understand 'b'",
        "x in (a)#invalid selector: 'x in (a)'; can't understand 'x in (a)'",
        "x#invalid selector: 'x'; can't understand 'x'",
        "x==a==b#invalid field selector: unescaped character in value: 61",
        "x=a||y=b#invalid field selector: unescaped character in value: 61",
        "x=a\\b#invalid field selector: invalid escape sequence: \\b",
        "x=a\\#invalid field selector: invalid escape sequence: \\",
    })
    void rejects(String input, String message) {
        assertThatThrownBy(() -> FieldSelector.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("a field the object does not have reads as the empty string")
    void missingFieldIsEmpty() {
        Map<String, String> pending = Map.of("metadata.name", "web-1", "status.phase", "Pending");
        assertThat(FieldSelector.parse("spec.nodeName=").matches(pending)).isTrue();
        assertThat(FieldSelector.parse("spec.nodeName!=").matches(pending)).isFalse();
        assertThat(FieldSelector.parse("spec.nodeName=node-7").matches(pending)).isFalse();
    }

    @Test
    @DisplayName("all terms must hold")
    void allTermsHold() {
        Map<String, String> pod = Map.of("metadata.name", "web-1", "spec.nodeName", "node-7", "status.phase", "Running");
        assertThat(FieldSelector.parse("spec.nodeName=node-7,status.phase!=Succeeded").matches(pod)).isTrue();
        assertThat(FieldSelector.parse("spec.nodeName=node-7,status.phase==Succeeded").matches(pod)).isFalse();
        assertThat(FieldSelector.parse("metadata.name=web\\,1").matches(Map.of("metadata.name", "web,1"))).isTrue();
    }

    @Test
    @DisplayName("everything is empty and matches every object")
    void everything() {
        assertThat(FieldSelector.everything().isEmpty()).isTrue();
        assertThat(FieldSelector.parse("").isEmpty()).isTrue();
        assertThat(FieldSelector.everything().matches(Map.of())).isTrue();
        assertThat(FieldSelector.parse("a=b").isEmpty()).isFalse();
    }

    @Test
    @DisplayName("a watch on spec.nodeName=node-7 can be routed by its exact match")
    void exactMatch() {
        FieldSelector s = FieldSelector.parse("status.phase!=Failed,spec.nodeName=node-7");
        assertThat(s.exactMatch("spec.nodeName")).contains("node-7");
        assertThat(s.exactMatch("status.phase")).isEmpty();
        assertThat(s.exactMatch("metadata.name")).isEmpty();
        assertThat(FieldSelector.oneTermEqual("spec.nodeName", "node-7")).isEqualTo(FieldSelector.parse("spec.nodeName==node-7"));
    }

    @Test
    @DisplayName("requirements expose field, operator and the unescaped value")
    void requirements() {
        var reqs = FieldSelector.parse("b!=x\\=y,a==1").requirements();
        assertThat(reqs).containsExactly(
                new FieldSelector.Requirement("a", Operator.Equals, "1"),
                new FieldSelector.Requirement("b", Operator.NotEquals, "x=y"));
    }

    @Test
    @DisplayName("escaping makes any value survive a round trip")
    void escapeRoundTrip() {
        String value = "a,b=c\\d";
        FieldSelector s = FieldSelector.oneTermEqual("metadata.name", value);
        assertThat(s).hasToString("metadata.name=a\\,b\\=c\\\\d");
        assertThat(FieldSelector.parse(s.toString()).exactMatch("metadata.name")).contains(value);
    }
}
