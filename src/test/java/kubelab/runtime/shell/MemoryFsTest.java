package kubelab.runtime.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("the container filesystem: an in-memory tree with volumes mounted into it")
class MemoryFsTest {

    private final MemoryFs fs = new MemoryFs();

    @Test
    @DisplayName("two containers mounting the same emptyDir see each other's files")
    void sharedEmptyDir() {
        MemoryFs emptyDir = new MemoryFs();
        MemoryFs other = new MemoryFs();
        fs.mount("/pod-data", emptyDir);
        other.mount("/usr/share/nginx/html", emptyDir);

        fs.write("/pod-data/index.html", "hi");

        assertThat(other.read("/usr/share/nginx/html/index.html")).isEqualTo("hi");
        assertThat(fs.list("/")).containsExactly("pod-data");
    }

    @Test
    @DisplayName("the longest mount prefix wins")
    void longestMountWins() {
        MemoryFs outer = new MemoryFs();
        MemoryFs inner = new MemoryFs();
        fs.mount("/data", outer);
        fs.mount("/data/cache", inner);

        fs.write("/data/cache/x", "inner");
        fs.write("/data/y", "outer");

        assertThat(inner.read("/x")).isEqualTo("inner");
        assertThat(outer.read("/y")).isEqualTo("outer");
        assertThat(fs.list("/data")).containsExactly("cache", "y");
    }

    @Test
    @DisplayName("a mount point cannot be removed: the device is busy")
    void mountPointBusy() {
        fs.mount("/data", new MemoryFs());

        assertThatThrownBy(() -> fs.remove("/data", true)).isInstanceOf(FsException.class)
                .extracting(e -> ((FsException) e).reason()).isEqualTo(FsException.Reason.EBUSY);
    }

    @Test
    @DisplayName("paths are normalised and missing parents are ENOENT unless mkdir -p")
    void pathsAndParents() {
        assertThatThrownBy(() -> fs.write("/a/b", "x")).isInstanceOf(FsException.class)
                .extracting(e -> ((FsException) e).reason()).isEqualTo(FsException.Reason.ENOENT);

        fs.mkdir("/a/b/c", true);
        fs.write("/a/./b/../b//c/file", "x");

        assertThat(fs.read("/a/b/c/file")).isEqualTo("x");
        assertThat(fs.isDirectory("/a/b")).isTrue();
        assertThat(fs.isDirectory("/a/b/c/file")).isFalse();
    }

    @Test
    @DisplayName("a non-empty directory needs a recursive remove")
    void recursiveRemove() {
        fs.mkdir("/d/e", true);

        assertThatThrownBy(() -> fs.remove("/d", false)).isInstanceOf(FsException.class);
        fs.remove("/d", true);
        assertThat(fs.exists("/d")).isFalse();
    }
}
