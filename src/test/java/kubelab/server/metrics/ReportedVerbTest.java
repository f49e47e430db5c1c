package kubelab.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("verbs are reported as Kubernetes reports them, and unknown ones as other")
class ReportedVerbTest {

    @ParameterizedTest(name = "{0} is reported as {1}")
    @CsvSource({
        "GET, GET",
        "list, LIST",
        "WATCH, WATCH",
        "WATCHLIST, WATCH",
        "APPLY, APPLY",
        "DELETECOLLECTION, DELETECOLLECTION",
        "BREW, other",
        "'', other",
    })
    void reportedVerbs(String verb, String reported) {
        assertThat(ReportedVerb.of(verb)).isEqualTo(reported);
    }
}
