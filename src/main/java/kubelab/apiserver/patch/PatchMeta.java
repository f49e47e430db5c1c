package kubelab.apiserver.patch;

import java.util.Arrays;
import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * How a strategic merge patch treats one field: its strategies ({@code merge}, {@code retainKeys},
 * {@code replace}) and, for a merged list of objects, the merge key that identifies an item.
 * Read from a {@link PatchStrategy} annotation; a field without one has {@link #NONE}.
 *
 * <p>Real Kubernetes: {@code strategicpatch.PatchMeta}, filled from the {@code patchStrategy} and
 * {@code patchMergeKey} struct tags.
 *
 * @param strategies the comma-separated parts of {@link PatchStrategy#value()}
 * @param mergeKey   the merge key, or empty
 */
public record PatchMeta(List<String> strategies, String mergeKey) {
    public static final PatchMeta NONE = new PatchMeta(List.of(), "");

    public PatchMeta {
        strategies = List.copyOf(strategies);
        // Kubernetes accepts one strategy, or two of which one is retainKeys.
        boolean valid = strategies.size() <= 1
                || strategies.size() == 2 && strategies.contains("retainKeys");
        if (!valid) {
            throw new IllegalArgumentException("unexpected patch strategy: " + strategies);
        }
    }

    static PatchMeta of(PatchStrategy annotation) {
        if (annotation == null) {
            return NONE;
        }
        List<String> parts = Arrays.stream(annotation.value().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new PatchMeta(parts, annotation.mergeKey());
    }

    /** Lists merge item by item (or as a set of scalars) instead of being replaced. */
    public boolean merge() {
        return strategies.contains("merge");
    }

    /** The field's object is replaced whole instead of merged. */
    public boolean replace() {
        return strategies.contains("replace");
    }
}
