/**
 * InterPodAffinity, its Filter half: required pod affinity and anti-affinity of the incoming pod,
 * and the required anti-affinity of pods already running (which works both ways). PreFilter counts
 * matching pods per topology domain over all nodes once; Filter then judges each node from its
 * labels alone.
 */
package kubelab.scheduler.plugins.interpodaffinity;
