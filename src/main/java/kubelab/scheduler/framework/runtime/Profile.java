package kubelab.scheduler.framework.runtime;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import kubelab.scheduler.framework.Handle;
import kubelab.scheduler.framework.Plugin;
import kubelab.scheduler.plugins.Names;

/**
 * A scheduler profile: the {@code schedulerName} pods ask for, and which plugins run at which
 * extension point with which score weight.
 *
 * <p>{@link #defaultProfile()} is {@code default-scheduler} with Kubernetes' default plugins and
 * weights (TaintToleration 3; NodeAffinity, PodTopologySpread and InterPodAffinity 2;
 * NodeResourcesFit and NodeResourcesBalancedAllocation 1; ImageLocality and the volume plugins are
 * left out). A custom profile is built by naming plugins:
 * <pre>{@code
 * Profile.builder("my-scheduler")
 *     .filter(Names.NODE_UNSCHEDULABLE, Names.NODE_RESOURCES_FIT)
 *     .score(Names.NODE_RESOURCES_FIT, 1)
 *     .build();
 * }</pre>
 * {@link Builder#plugin} enables a plugin at every extension point it implements (Kubernetes'
 * {@code multiPoint}). PrioritySort and DefaultBinder are added when no QueueSort or Bind plugin
 * is named, as every profile needs one.
 *
 * <p>Real Kubernetes: {@code KubeSchedulerProfile} in {@code pkg/scheduler/apis/config/types.go};
 * the defaults in {@code apis/config/v1/default_plugins.go}.
 */
public final class Profile {
    public static final String DEFAULT_SCHEDULER_NAME = "default-scheduler";

    /** The extension points, in the order a pod meets them. */
    public enum ExtensionPoint { QueueSort, PreFilter, Filter, PostFilter, PreScore, Score, Reserve, Permit, PreBind, Bind, PostBind }

    /** One enabled plugin: its factory, where it runs, and its score weight. */
    public record PluginConfig(String name, Function<Handle, Plugin> factory, Set<ExtensionPoint> points, int weight) {
    }

    private final String schedulerName;
    private final List<PluginConfig> plugins;
    private final Integer percentageOfNodesToScore;

    private Profile(String schedulerName, List<PluginConfig> plugins, Integer percentageOfNodesToScore) {
        this.schedulerName = schedulerName;
        this.plugins = List.copyOf(plugins);
        this.percentageOfNodesToScore = percentageOfNodesToScore;
    }

    public String schedulerName() {
        return schedulerName;
    }

    public List<PluginConfig> plugins() {
        return plugins;
    }

    /** The profile's own percentage, or null to use the scheduler's. */
    public Integer percentageOfNodesToScore() {
        return percentageOfNodesToScore;
    }

    /** {@code default-scheduler} with the default plugins. */
    public static Profile defaultProfile() {
        return defaultProfile(DEFAULT_SCHEDULER_NAME);
    }

    /** The default plugins under another scheduler name. */
    public static Profile defaultProfile(String schedulerName) {
        return defaultBuilder(schedulerName).build();
    }

    /** A builder holding the default plugins, to add plugins of one's own to them. */
    public static Builder defaultBuilder(String schedulerName) {
        return builder(schedulerName)
                .plugin(Registry.PRIORITY_SORT)
                .plugin(Names.NODE_UNSCHEDULABLE)
                .plugin(Names.NODE_NAME)
                .plugin(Names.TAINT_TOLERATION, 3)
                .plugin(Names.NODE_AFFINITY, 2)
                .plugin(Names.NODE_PORTS)
                .plugin(Names.NODE_RESOURCES_FIT, 1)
                .plugin(Names.POD_TOPOLOGY_SPREAD, 2)
                .plugin(Names.INTER_POD_AFFINITY, 2)
                .plugin(Registry.DEFAULT_PREEMPTION)
                .plugin(Names.NODE_RESOURCES_BALANCED_ALLOCATION, 1)
                .plugin(Registry.DEFAULT_BINDER);
    }

    public static Builder builder(String schedulerName) {
        return new Builder(schedulerName);
    }

    /** Builds a profile from plugin names (looked up in the in-tree {@link Registry}) or instances. */
    public static final class Builder {
        private final String schedulerName;
        private final Map<String, PluginConfig> plugins = new LinkedHashMap<>();
        private final Map<String, Function<Handle, Plugin>> registry = new LinkedHashMap<>(Registry.inTree());
        private Integer percentage;

        private Builder(String schedulerName) {
            this.schedulerName = Objects.requireNonNull(schedulerName);
        }

        /** Makes a plugin of one's own known by name. */
        public Builder register(String name, Function<Handle, Plugin> factory) {
            registry.put(name, factory);
            return this;
        }

        /** Enables a plugin at every extension point it implements, score weight 1. */
        public Builder plugin(String name) {
            return plugin(name, 1);
        }

        public Builder plugin(String name, int weight) {
            return enable(name, EnumSet.allOf(ExtensionPoint.class), weight);
        }

        /** Enables a plugin instance (of one's own) at every extension point it implements. */
        public Builder plugin(Plugin plugin, int weight) {
            register(plugin.name(), h -> plugin);
            return plugin(plugin.name(), weight);
        }

        /** Enables the PreFilter and Filter hooks of these plugins. */
        public Builder filter(String... names) {
            for (String name : names) {
                enable(name, EnumSet.of(ExtensionPoint.PreFilter, ExtensionPoint.Filter), 0);
            }
            return this;
        }

        /** Enables the PreScore and Score hooks of a plugin, with a weight. */
        public Builder score(String name, int weight) {
            return enable(name, EnumSet.of(ExtensionPoint.PreScore, ExtensionPoint.Score), weight);
        }

        /** 1-100, or 0 for the adaptive default. */
        public Builder percentageOfNodesToScore(int percentage) {
            this.percentage = percentage;
            return this;
        }

        private Builder enable(String name, Set<ExtensionPoint> points, int weight) {
            Function<Handle, Plugin> factory = registry.get(name);
            if (factory == null) {
                throw new IllegalArgumentException("plugin \"" + name + "\" does not exist");
            }
            PluginConfig old = plugins.get(name);
            Set<ExtensionPoint> all = EnumSet.copyOf(points);
            int w = weight;
            if (old != null) {
                all.addAll(old.points());
                w = Math.max(old.weight(), weight);
            }
            plugins.put(name, new PluginConfig(name, factory, all, w));
            return this;
        }

        public Profile build() {
            // Appended last: a QueueSort or Bind plugin named by the user comes first and wins.
            List<PluginConfig> list = new ArrayList<>(plugins.values());
            if (!plugins.containsKey(Registry.PRIORITY_SORT)) {
                list.add(new PluginConfig(Registry.PRIORITY_SORT, registry.get(Registry.PRIORITY_SORT),
                        EnumSet.of(ExtensionPoint.QueueSort), 0));
            }
            if (!plugins.containsKey(Registry.DEFAULT_BINDER)) {
                list.add(new PluginConfig(Registry.DEFAULT_BINDER, registry.get(Registry.DEFAULT_BINDER),
                        EnumSet.of(ExtensionPoint.Bind), 0));
            }
            return new Profile(schedulerName, list, percentage);
        }
    }
}
