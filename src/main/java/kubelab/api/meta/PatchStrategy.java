package kubelab.api.meta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a strategic merge patch treats a field, exactly as the Go struct tags
 * {@code patchStrategy:"merge" patchMergeKey:"name"} do in Kubernetes' API types.
 *
 * <ul>
 *   <li>{@code "merge"} on a list of objects with a {@link #mergeKey()}: items are matched by that
 *       key and merged one by one (containers by name, ports by containerPort).</li>
 *   <li>{@code "merge"} on a list of scalars: the patch's items are added as a set (finalizers).</li>
 *   <li>{@code "retainKeys"}: fields of the object absent from the patch are cleared (used on
 *       union types such as a volume's source or a Deployment's strategy).</li>
 * </ul>
 * A list without this annotation is replaced whole, as in a JSON merge patch.
 *
 * <p>Real Kubernetes: the {@code patchStrategy} and {@code patchMergeKey} struct tags read by
 * {@code k8s.io/apimachinery/pkg/util/strategicpatch}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PatchStrategy {
    /** Comma-separated strategies: {@code "merge"}, {@code "retainKeys"} or {@code "merge,retainKeys"}. */
    String value();

    /** For lists of objects under {@code "merge"}: the field that identifies an item. */
    String mergeKey() default "";
}
