package kubelab.runtime.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("image names are normalised as containerd normalises them")
class ImageReferenceTest {

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("a short name is a Docker Hub name, with library/ and :latest filled in")
    @CsvSource({
        "nginx, docker.io/library/nginx:latest",
        "nginx:1.14.2, docker.io/library/nginx:1.14.2",
        "vish/stress, docker.io/vish/stress:latest",
        "registry.k8s.io/pause:3.10, registry.k8s.io/pause:3.10",
        "registry.k8s.io/busybox, registry.k8s.io/busybox:latest",
        "localhost:5000/app, localhost:5000/app:latest",
        "docker.io/library/redis:5, docker.io/library/redis:5"
    })
    void normalised(String name, String normalised) {
        assertThat(ImageReference.parse(name).toString()).isEqualTo(normalised);
    }

    @Test
    @DisplayName("upper case in a repository name is an invalid reference")
    void upperCase() {
        assertThatThrownBy(() -> ImageReference.parse("Nginx")).hasMessageContaining("invalid reference format");
    }

    @Test
    @DisplayName("an unknown registry host fails to resolve, as a DNS lookup would")
    void unknownRegistry() {
        assertThatThrownBy(() -> ImageCatalogue.standard().resolve("myregistry.example/app:1"))
                .hasMessageEndingWith("dial tcp: lookup myregistry.example: no such host");
    }
}
