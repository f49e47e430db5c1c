package kubelab.api.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("chapter1")
class LabelValidationTest {

    // Cases from Kubernetes' TestIsQualifiedName and TestIsValidLabelValue.
    static Stream<String> goodKeys() {
        return Stream.of("simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple",
                "now-with-dashes/simple", "now.with.dots/simple", "now-with.dashes-and.dots/simple", "1-num.2-num/3-num",
                "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123",
                "requests.storage-foo", "app.kubernetes.io/name", "a".repeat(63), "a".repeat(253) + "/" + "b".repeat(63));
    }

    static Stream<String> badKeys() {
        return Stream.of("nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-", "only/one/slash",
                "Example.com/abc", "example_com/abc", "example.com/", "/simple", "a".repeat(64), "a".repeat(254) + "/abc", "");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("goodKeys")
    @DisplayName("a qualified name is an optional DNS subdomain prefix and a name of at most 63 characters")
    void goodKey(String key) {
        assertThat(LabelValidation.validateLabelKey(key)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("badKeys")
    @DisplayName("a malformed label key has at least one problem")
    void badKey(String key) {
        assertThat(LabelValidation.validateLabelKey(key)).isNotEmpty();
    }

    @Test
    @DisplayName("label key problems use Kubernetes' exact words")
    void keyMessages() {
        String namePart = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
                + "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        assertThat(LabelValidation.validateLabelKey("-bad")).containsExactly(namePart);
        assertThat(LabelValidation.validateLabelKey("example.com/")).containsExactly("name part must be non-empty", namePart);
        assertThat(LabelValidation.validateLabelKey("/simple")).containsExactly("prefix part must be non-empty");
        assertThat(LabelValidation.validateLabelKey("a".repeat(64))).containsExactly("name part must be no more than 63 characters");
        assertThat(LabelValidation.validateLabelKey("Example.com/abc")).containsExactly("prefix part a lowercase RFC 1123 "
                + "subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
                + "alphanumeric character (e.g. 'example.com', regex used for validation is "
                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", "", "my_value",
        "MyValue", "v1.2.3"})
    @DisplayName("a label value is empty or at most 63 alphanumerics with - _ . inside")
    void goodValue(String value) {
        assertThat(LabelValidation.validateLabelValue(value)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun", "\\backslashes\\are\\bad",
        "-starts-with-dash", "ends-with-dash-", ".starts.with.dot", "ends.with.dot.", "has space", "a/b"})
    @DisplayName("a malformed label value is rejected")
    void badValue(String value) {
        assertThat(LabelValidation.validateLabelValue(value)).containsExactly("a valid label must be an empty string or "
                + "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                + "character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }

    @Test
    @DisplayName("a label value of 64 characters is too long")
    void valueTooLong() {
        assertThat(LabelValidation.validateLabelValue("a".repeat(63))).isEmpty();
        assertThat(LabelValidation.validateLabelValue("a".repeat(64))).containsExactly("must be no more than 63 characters");
    }
}
