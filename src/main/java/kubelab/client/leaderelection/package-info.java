/**
 * Leader election: of several copies of a component sharing one cluster, exactly one works at a
 * time. Each copy runs a {@link kubelab.client.leaderelection.LeaderElector}, which competes for a
 * Lease ({@code kube-system/kube-scheduler}, {@code kube-system/kube-controller-manager}) through a
 * {@link kubelab.client.leaderelection.ResourceLock}, renews it while leading, and calls back when
 * it starts or stops leading. A {@link kubelab.client.leaderelection.LeaderCampaign} keeps a
 * candidate competing after it lost the lease, where Kubernetes would restart the process.
 *
 * <p>It talks only to the API ({@code get}, {@code create}, {@code update} with the resourceVersion
 * it read), so a 409 Conflict is what decides a race between two candidates; and it runs on the
 * component's {@link kubelab.time.EventLoop}, so a test can play minutes of elections in virtual
 * time and get the same run for the same seed.
 *
 * <p>Real Kubernetes: {@code k8s.io/client-go/tools/leaderelection} and its {@code resourcelock}
 * package.
 */
package kubelab.client.leaderelection;
