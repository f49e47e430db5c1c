/**
 * The {@code autoscaling/v2} objects: the {@link kubelab.api.autoscaling.HorizontalPodAutoscaler}
 * and its metric specs, targets, behaviour and status.
 *
 * <p>The HPA controller reads them, reads metrics, and writes the target's {@code scale}
 * subresource. A metric is a small union ({@code type} plus one set field), kept in that shape so
 * that the real YAML reads unchanged.
 */
package kubelab.api.autoscaling;
