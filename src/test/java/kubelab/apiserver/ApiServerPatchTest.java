package kubelab.apiserver;

import static kubelab.apiserver.ApiFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The API server: patch")
class ApiServerPatchTest {
    private final ApiFixture f = new ApiFixture();
    private final ApiServer api = f.api;

    private Pod twoContainers() {
        Pod p = pod("web", "app", "web");
        return api.create(p.withSpec(p.spec().withContainers(List.of(
                Container.of("app", "nginx:1.14.2"), Container.of("sidecar", "busybox:1.36")))));
    }

    @Test
    @DisplayName("a JSON merge patch merges maps key by key; null removes a key")
    void mergePatch() {
        twoContainers();

        Pod patched = api.patch(Pod.class, "default", "web", PatchType.MERGE,
                "{\"metadata\":{\"labels\":{\"tier\":\"front\",\"app\":null}}}", PatchOptions.DEFAULT);

        assertThat(patched.metadata().labels()).containsExactly(java.util.Map.entry("tier", "front"));
    }

    @Test
    @DisplayName("a JSON merge patch replaces a list whole: patching one container's image loses the other container")
    void mergePatchReplacesLists() {
        twoContainers();

        assertThatThrownBy(() -> api.patch(Pod.class, "default", "web", PatchType.MERGE,
                "{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.16.1\"}]}}", PatchOptions.DEFAULT))
                .as("a pod's container list cannot change, so the lossy patch is refused")
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("pod updates may not change fields"));
    }

    @Test
    @DisplayName("a strategic merge patch merges containers by name: only the named one changes")
    void strategicMergePatch() {
        twoContainers();

        Pod patched = api.patch(Pod.class, "default", "web", PatchType.STRATEGIC_MERGE,
                "{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.16.1\"}]}}", PatchOptions.DEFAULT);

        assertThat(patched.spec().containers()).extracting(c -> c.name() + "=" + c.image())
                .containsExactly("app=nginx:1.16.1", "sidecar=busybox:1.36");
        assertThat(patched.metadata().generation()).isEqualTo(2L);
    }

    @Test
    @DisplayName("a JSON patch applies operations in order; a failed test operation changes nothing")
    void jsonPatch() {
        Pod created = twoContainers();

        Pod patched = api.patch(Pod.class, "default", "web", PatchType.JSON,
                "[{\"op\":\"test\",\"path\":\"/spec/containers/1/name\",\"value\":\"sidecar\"},"
                        + "{\"op\":\"replace\",\"path\":\"/spec/containers/1/image\",\"value\":\"busybox:1.37\"}]",
                PatchOptions.DEFAULT);
        assertThat(patched.spec().containers().get(1).image()).isEqualTo("busybox:1.37");

        assertThatThrownBy(() -> api.patch(Pod.class, "default", "web", PatchType.JSON,
                "[{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"x:1\"},"
                        + "{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"other\"}]", PatchOptions.DEFAULT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(422));
        assertThat(api.get(Pod.class, "default", "web").spec().containers().get(0).image()).isEqualTo("nginx:1.14.2");
        assertThat(created.metadata().name()).isEqualTo("web");
    }

    @Test
    @DisplayName("a patch that pins a stale resourceVersion is a 409 Conflict")
    void pinnedResourceVersion() {
        Pod created = twoContainers();
        api.patch(Pod.class, "default", "web", PatchType.MERGE, "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", PatchOptions.DEFAULT);

        assertThatThrownBy(() -> api.patch(Pod.class, "default", "web", PatchType.MERGE,
                "{\"metadata\":{\"resourceVersion\":\"" + created.metadata().resourceVersion() + "\",\"labels\":{\"c\":\"d\"}}}",
                PatchOptions.DEFAULT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason()).isEqualTo("Conflict"));
    }

    @Test
    @DisplayName("a patch that is not JSON is 400 BadRequest")
    void malformed() {
        twoContainers();

        assertThatThrownBy(() -> api.patch(Pod.class, "default", "web", PatchType.MERGE, "{not json", PatchOptions.DEFAULT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }
}
