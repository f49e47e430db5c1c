package kubelab.runtime.sim;

import java.util.Map;

/**
 * The behaviours by the names the image catalogue uses ({@code behaviour: nginx}).
 *
 * <p>Real Kubernetes: none; the registry of KubeLab's stand-ins for images' programs.
 */
public final class Behaviours {

    private static final Map<String, Behaviour> BY_NAME = Map.ofEntries(
            Map.entry("pause", new PauseBehaviour()),
            Map.entry("shell", new ShellBehaviour()),
            Map.entry("nginx", new NginxBehaviour()),
            Map.entry("go-server", new GoServerBehaviour()),
            Map.entry("agnhost", new AgnhostBehaviour()),
            Map.entry("vish-stress", StressBehaviours.VISH),
            Map.entry("polinux-stress", StressBehaviours.POLINUX),
            Map.entry("perl", new PerlBehaviour()),
            Map.entry("redis", new RedisBehaviour()),
            Map.entry("fluentd", new FluentdBehaviour()));

    private Behaviours() {}

    /**
     * The behaviour of that name.
     *
     * @throws IllegalArgumentException for a name no behaviour has (a catalogue error)
     */
    public static Behaviour named(String name) {
        Behaviour behaviour = BY_NAME.get(name);
        if (behaviour == null) {
            throw new IllegalArgumentException("no behaviour named " + name + "; known: " + BY_NAME.keySet());
        }
        return behaviour;
    }

    /** The shell every image with {@code /bin/sh} has. */
    public static Behaviour shell() {
        return BY_NAME.get("shell");
    }
}
