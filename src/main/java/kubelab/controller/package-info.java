/**
 * The controller manager: one process running many controllers, each in its own subpackage. Every
 * controller is level-based: event handlers only queue the key of the object concerned, and a
 * worker reconciles that key from the informer caches, so a missed event changes nothing that the
 * next sync does not repair.
 *
 * <p>{@link kubelab.controller.ControllerManager} builds them on one shared informer factory, as
 * kube-controller-manager does, so all controllers share one cache and one watch per type.
 */
package kubelab.controller;
