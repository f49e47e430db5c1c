package kubelab.apiserver.patch;

import static kubelab.apiserver.patch.JsonMergePatchTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.meta.Status;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.patch.PatchException.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class PatchExceptionTest {

    @Test
    @DisplayName("a malformed patch is a 400 BadRequest carrying the reason")
    void malformed() {
        ApiException e = new PatchException(Kind.MALFORMED, "spec", "invalid patch format of retainKeys").toApiException();

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.reason()).isEqualTo("BadRequest");
        assertThat(e.getMessage()).isEqualTo("invalid patch format of retainKeys");
    }

    @Test
    @DisplayName("a JSON patch that does not apply is a 422 Invalid with Kubernetes' message and the reason as a cause")
    void notApplicable() {
        ApiException e = new PatchException(Kind.NOT_APPLICABLE, null, "testing value /spec/replicas failed: test failed")
                .toApiException();

        assertThat(e.code()).isEqualTo(422);
        assertThat(e.reason()).isEqualTo("Invalid");
        assertThat(e.getMessage()).isEqualTo("the server rejected our request due to an error in our request");
        assertThat(e.status().details().causes()).extracting(Status.Cause::message)
                .containsExactly("testing value /spec/replicas failed: test failed");
    }

    @Test
    @DisplayName("an unclassified failure is a bare 500 whose message kubectl prints as is")
    void unclassified() {
        ApiException e = new PatchException(Kind.UNCLASSIFIED, "spec.containers",
                "map: map[image:nginx] does not contain declared merge key: name").toApiException();

        assertThat(e.code()).isEqualTo(500);
        assertThat(e.reason()).isNull();
        assertThat(e.getMessage()).isEqualTo("map: map[image:nginx] does not contain declared merge key: name");
    }

    @Test
    @DisplayName("the exception's own message puts the field first when there is one")
    void message() {
        assertThat(new PatchException(Kind.UNCLASSIFIED, "spec.containers", "boom")).hasMessage("spec.containers: boom");
        assertThat(new PatchException(Kind.UNCLASSIFIED, null, "boom")).hasMessage("boom");
    }

    @Test
    @DisplayName("values print as Go prints decoded JSON: maps with sorted keys, lists with spaces")
    void goFormat() {
        assertThat(PatchException.goFormat(json("{\"name\":\"web\",\"image\":\"nginx\",\"ports\":[{\"containerPort\":80}]}")))
                .isEqualTo("map[image:nginx name:web ports:[map[containerPort:80]]]");
        assertThat(PatchException.goFormat(json("[\"a\",1,true,null]"))).isEqualTo("[a 1 true <nil>]");
    }
}
