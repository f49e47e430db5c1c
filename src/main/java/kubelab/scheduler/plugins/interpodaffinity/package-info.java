/**
 * InterPodAffinity: required pod affinity and anti-affinity of the incoming pod, and the required
 * anti-affinity of pods already running (which works both ways), as a Filter; preferred terms of
 * both sides as a Score. PreFilter and PreScore count matching pods per topology domain over all
 * nodes once; Filter and Score then judge each node from its labels alone.
 */
package kubelab.scheduler.plugins.interpodaffinity;
