package kubelab.scheduler.framework;

/**
 * A scheduling plugin: anything with a name that implements one or more extension points.
 *
 * <p>Real Kubernetes: {@code Plugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface Plugin {
    /** The plugin's name, as written in a scheduler profile ({@code NodeResourcesFit}). */
    String name();
}
