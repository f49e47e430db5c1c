/** DefaultBinder: the Bind plugin that writes the pods/binding subresource through the API. */
package kubelab.scheduler.plugins.defaultbinder;
