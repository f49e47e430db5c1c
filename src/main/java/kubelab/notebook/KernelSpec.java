package kubelab.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import kubelab.api.serialization.Json;

/**
 * Writes the {@code kernel.json} that tells Jupyter how to start {@link KubeLabKernel}: this JVM's
 * java, this JVM's class path (the project jar and its libraries), the kernel's main class, and
 * Jupyter's {@code {connection_file}}. It goes under the build ({@code target/jupyter}), and
 * Jupyter is pointed there with {@code JUPYTER_PATH}: nothing is installed into the user's home.
 *
 * <p>Real Kubernetes: none; course tooling. The file format is Jupyter's kernel spec.
 */
public final class KernelSpec {
    private KernelSpec() {
    }

    /** The kernel spec as JSON. */
    static ObjectNode json(String java, String classPath) {
        ObjectNode spec = Json.mapper().createObjectNode();
        var argv = spec.putArray("argv");
        argv.add(java).add("-cp").add(classPath).add(KubeLabKernel.class.getName()).add("{connection_file}");
        spec.put("display_name", "Java (KubeLab)");
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        return spec;
    }

    /**
     * Writes {@code <jupyterPath>/kernels/kubelab-java/kernel.json} for the running JVM and returns
     * {@code jupyterPath}, the value for {@code JUPYTER_PATH}.
     */
    public static Path write(Path jupyterPath) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        Path dir = jupyterPath.resolve("kernels").resolve(KubeLabKernel.NAME);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), Json.toPrettyJson(json(java, classPath)) + "\n");
        return jupyterPath;
    }
}
