/**
 * DefaultPreemption, the PostFilter plugin: makes room for a pod that fits nowhere by evicting
 * pods of lower priority, and explains in the pod's message when it cannot.
 */
package kubelab.scheduler.plugins.defaultpreemption;
