package kubelab.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("chapter1")
class NameValidationTest {
    private static final String LABEL_ERR = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
            + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
            + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private static final String SUBDOMAIN_ERR = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
            + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex "
            + "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    // Cases from Kubernetes' TestIsDNS1123Label and TestIsDNS1123Subdomain.
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2"})
    @DisplayName("an RFC 1123 label is lower-case alphanumerics and dashes, alphanumeric at both ends")
    void goodLabel(String value) {
        assertThat(NameValidation.isDNS1123Label(value)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a",
        "a_b", "1_", "_1", "1_2", " ", "a ", " a", "a b", "1 ", " 1", "1 2"})
    @DisplayName("a malformed RFC 1123 label is rejected with Kubernetes' message")
    void badLabel(String value) {
        assertThat(NameValidation.isDNS1123Label(value)).containsExactly(LABEL_ERR);
    }

    @Test
    @DisplayName("a label with dots is a subdomain, and is told so")
    void labelWithDots() {
        assertThat(NameValidation.isDNS1123Label("a.b")).containsExactly("must not contain dots");
        assertThat(NameValidation.isDNS1123Label("a".repeat(63))).isEmpty();
        assertThat(NameValidation.isDNS1123Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"a", "ab", "a.a", "a1.a1", "a-1.a--1--2--b", "0.0", "1.1", "nginx-deployment",
        "kube-system", "example.com", "my-app.v2"})
    @DisplayName("an RFC 1123 subdomain is dot-separated labels")
    void goodSubdomain(String value) {
        assertThat(NameValidation.isDNS1123Subdomain(value)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "A", "ABC", "aBc", "-", "a-", "-a", "_", "a_b", ".", "a.", ".a", "a..b", "a.-b",
        "Web_1", "a b"})
    @DisplayName("a malformed RFC 1123 subdomain is rejected with Kubernetes' message")
    void badSubdomain(String value) {
        assertThat(NameValidation.isDNS1123Subdomain(value)).containsExactly(SUBDOMAIN_ERR);
    }

    @Test
    @DisplayName("a subdomain may be 253 characters, not 254")
    void subdomainLength() {
        String ok = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61);
        assertThat(ok).hasSize(253);
        assertThat(NameValidation.isDNS1123Subdomain(ok)).isEmpty();
        assertThat(NameValidation.isDNS1123Subdomain(ok + "a")).containsExactly("must be no more than 253 characters");
    }

    @Test
    @DisplayName("an RFC 1035 label, as Service names use, must start with a letter")
    void dns1035() {
        assertThat(NameValidation.isDNS1035Label("my-service")).isEmpty();
        assertThat(NameValidation.isDNS1035Label("1-service")).containsExactly("a DNS-1035 label must consist of lower "
                + "case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric "
                + "character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    }
}
