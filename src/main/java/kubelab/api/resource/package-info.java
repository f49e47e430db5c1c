/**
 * Resource amounts: {@link kubelab.api.resource.Quantity}, the exact fixed-point numbers behind
 * {@code cpu: 500m} and {@code memory: 128Mi}.
 *
 * <p>Used by Pod specs, node capacity, the scheduler's fit checks, quotas and limit ranges. Exact
 * decimal arithmetic (never floating point), because a scheduler that adds up requests must not
 * drift from what a user wrote.
 */
package kubelab.api.resource;
