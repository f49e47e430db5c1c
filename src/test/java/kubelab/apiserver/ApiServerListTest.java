package kubelab.apiserver;

import static kubelab.apiserver.ApiFixture.configMap;
import static kubelab.apiserver.ApiFixture.pod;
import static kubelab.apiserver.ApiFixture.podOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kubelab.api.core.ConfigMap;
import kubelab.api.core.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("chapter1")
@DisplayName("The API server: list, selectors and pages")
class ApiServerListTest {
    private final ApiFixture f = new ApiFixture();
    private final ApiServer api = f.api;

    private void threePods() {
        api.create(pod("web-1", "app", "web", "env", "prod"));
        api.create(pod("web-2", "app", "web", "env", "dev"));
        api.create(pod("db-1", "app", "db", "env", "prod"));
    }

    @ParameterizedTest(name = "{0} selects {1}")
    @CsvSource(delimiter = '|', value = {
        "app=web                 | web-1 web-2",
        "app==web,env=prod       | web-1",
        "app!=web                | db-1",
        "env in (dev,test)       | web-2",
        "app,env notin (dev)     | db-1 web-1",
        "!app                    | ''",
    })
    @DisplayName("label selectors, in their string form")
    void labelSelectors(String selector, String expected) {
        threePods();

        var names = api.list(Pod.class, "default", ListOptions.labels(selector)).items().stream()
                .map(p -> p.metadata().name()).toList();

        assertThat(String.join(" ", names)).isEqualTo(expected);
    }

    @Test
    @DisplayName("field selectors on metadata.name, spec.nodeName and status.phase")
    void fieldSelectors() {
        api.create(podOn("a", "node-1"));
        api.create(podOn("b", "node-2"));

        assertThat(api.list(Pod.class, null, ListOptions.fields("spec.nodeName=node-2")).items())
                .extracting(p -> p.metadata().name()).containsExactly("b");
        assertThat(api.list(Pod.class, null, ListOptions.fields("metadata.name=a,status.phase=Pending")).items())
                .extracting(p -> p.metadata().name()).containsExactly("a");
        assertThat(api.list(Pod.class, null, ListOptions.fields("status.phase!=Pending")).items()).isEmpty();
    }

    @Test
    @DisplayName("a field the kind cannot be selected by is 400 BadRequest")
    void unsupportedField() {
        assertThatThrownBy(() -> api.list(Pod.class, null, ListOptions.fields("spec.image=nginx")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("field label not supported: spec.image");
                });
    }

    @Test
    @DisplayName("a malformed label selector is 400 BadRequest")
    void badSelector() {
        assertThatThrownBy(() -> api.list(Pod.class, null, ListOptions.labels("app in web")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    @DisplayName("a list carries the resourceVersion it was read at, and lists in name order within a namespace")
    void listResourceVersion() {
        api.create(configMap("b", "k", "v"));
        ConfigMap a = api.create(configMap("a", "k", "v"));

        ObjectList<ConfigMap> list = api.list(ConfigMap.class, "default");

        assertThat(list.resourceVersion()).isEqualTo(a.metadata().resourceVersion());
        assertThat(list.items()).extracting(c -> c.metadata().name()).containsExactly("a", "b");
    }

    @Test
    @DisplayName("limit and continue page through a list, every page showing the moment of the first")
    void paging() {
        for (String n : new String[] {"a", "b", "c", "d", "e"}) {
            api.create(configMap(n, "k", "v"));
        }
        ObjectList<ConfigMap> first = api.list(ConfigMap.class, "default", ListOptions.ALL.withLimit(2));
        api.create(configMap("bb", "k", "v")); // written after the first page: not part of this list

        ObjectList<ConfigMap> second = api.list(ConfigMap.class, "default", ListOptions.ALL.withLimit(2).withContinue(first.continueToken()));
        ObjectList<ConfigMap> third = api.list(ConfigMap.class, "default", ListOptions.ALL.withLimit(2).withContinue(second.continueToken()));

        assertThat(first.items()).extracting(c -> c.metadata().name()).containsExactly("a", "b");
        assertThat(second.items()).extracting(c -> c.metadata().name()).containsExactly("c", "d");
        assertThat(third.items()).extracting(c -> c.metadata().name()).containsExactly("e");
        assertThat(third.continueToken()).isNull();
        assertThat(second.resourceVersion()).isEqualTo(first.resourceVersion());
    }

    @Test
    @DisplayName("a continue token from before a compaction is 410 Expired: start the list again")
    void pagingAcrossCompaction() {
        for (String n : new String[] {"a", "b", "c"}) {
            api.create(configMap(n, "k", "v"));
        }
        ObjectList<ConfigMap> first = api.list(ConfigMap.class, "default", ListOptions.ALL.withLimit(1));
        api.create(configMap("d", "k", "v"));
        api.compact(f.store.currentRevision());

        assertThatThrownBy(() -> api.list(ConfigMap.class, "default", ListOptions.ALL.withLimit(1).withContinue(first.continueToken())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(410));
    }
}
