/**
 * kube-scheduler: {@link kubelab.scheduler.Scheduler} (informer handlers, the scheduling cycle,
 * the binding cycle, FailedScheduling and Scheduled events, explain), its
 * {@link kubelab.scheduler.SchedulerOptions}, and {@link kubelab.scheduler.CustomScheduler} for
 * a scheduler written as a function. It talks to the cluster only through the API (pods/binding,
 * pod status, events) and informers; the queue and cache are in {@code internal}, the plugins and
 * their runtime in {@code framework} and {@code plugins}. Shaped like kube-scheduler's
 * {@code schedule_one.go} so the course can follow a pod through the same numbered steps.
 */
package kubelab.scheduler;
