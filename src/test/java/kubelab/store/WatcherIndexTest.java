package kubelab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the store finds the watches of a key among many. */
@Tag("chapter1")
class WatcherIndexTest {

    private static final List<String> PREFIXES = List.of("", "/", "/registry/", "/registry/pods/",
            "/registry/pods/default/", "/registry/pods/default/web", "/registry/pods/kube-system/",
            "/registry/persistentvolumes/", "/registry/podtemplates/", "/registry/services/specs/");

    private static WatcherIndex<String> indexOf(List<String> prefixes) {
        WatcherIndex<String> index = new WatcherIndex<>();
        prefixes.forEach(p -> index.add(p, p));
        return index;
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a key finds exactly the watches whose prefix it starts with")
    @CsvSource(delimiter = '|', textBlock = """
            /registry/pods/default/web-1 | ;/;/registry/;/registry/pods/;/registry/pods/default/;/registry/pods/default/web
            /registry/pods/default/db    | ;/;/registry/;/registry/pods/;/registry/pods/default/
            /registry/podtemplates/x/y   | ;/;/registry/;/registry/podtemplates/
            /registry/persistentvolumes/pv-1 | ;/;/registry/;/registry/persistentvolumes/
            /registry/pods               | ;/;/registry/
            /elsewhere                   | ;/
            """)
    void keyFindsItsWatches(String key, String expected) {
        List<String> want = List.of(expected.split(";", -1));

        assertThat(indexOf(PREFIXES).matching(key)).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    @DisplayName("matching agrees with checking every watch, for random prefixes and keys")
    void agreesWithBruteForce() {
        Random random = new Random(42);
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            prefixes.add(randomString(random, random.nextInt(6)));
        }
        WatcherIndex<String> index = indexOf(prefixes);
        for (int i = 0; i < 2_000; i++) {
            String key = randomString(random, 1 + random.nextInt(8));
            List<String> expected = prefixes.stream().filter(key::startsWith).toList();

            assertThat(index.matching(key)).as("key %s", key).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    @DisplayName("a removed watch is no longer found; several watches may share a prefix")
    void removeAndShare() {
        WatcherIndex<String> index = new WatcherIndex<>();
        index.add("/registry/pods/", "first");
        index.add("/registry/pods/", "second");

        index.remove("/registry/pods/", "first");
        index.remove("/registry/pods/", "not there");

        assertThat(index.matching("/registry/pods/default/web")).containsExactly("second");
        assertThat(index.size()).isEqualTo(1);
    }

    /** Short strings over a tiny alphabet, so that shared prefixes are common. */
    private static String randomString(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append("ab/".charAt(random.nextInt(3)));
        }
        return s.toString();
    }
}
