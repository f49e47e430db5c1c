/**
 * The framework runtime: {@link kubelab.scheduler.framework.runtime.Profile} (which plugins run
 * where, with which weights; the default profile), {@link kubelab.scheduler.framework.runtime.Registry}
 * (plugin names to factories) and {@link kubelab.scheduler.framework.runtime.Framework}, which runs
 * one profile's plugins at each extension point for the scheduler. Kept apart from the plugin
 * interfaces so that a plugin depends only on the small vocabulary it implements.
 */
package kubelab.scheduler.framework.runtime;
