package kubelab.printers;

import static kubelab.printers.Cells.num;
import static kubelab.printers.TableColumnDefinition.of;
import static kubelab.printers.TableColumnDefinition.wide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.apps.DaemonSet;
import kubelab.api.apps.DaemonSetSpec;
import kubelab.api.apps.DaemonSetStatus;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.DeploymentSpec;
import kubelab.api.apps.DeploymentStatus;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.apps.ReplicaSetSpec;
import kubelab.api.apps.ReplicaSetStatus;
import kubelab.api.apps.StatefulSet;
import kubelab.api.apps.StatefulSetSpec;
import kubelab.api.apps.StatefulSetStatus;
import kubelab.api.batch.Job;
import kubelab.api.batch.JobCondition;
import kubelab.api.batch.JobSpec;
import kubelab.api.batch.JobStatus;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.core.ReplicationController;
import kubelab.api.core.ReplicationControllerSpec;
import kubelab.api.core.ReplicationControllerStatus;
import kubelab.api.labels.Selector;

/**
 * The rows of the workload controllers' objects: Deployment, ReplicaSet, ReplicationController,
 * DaemonSet, StatefulSet and Job. Each shows desired against observed replicas from its status;
 * {@code -o wide} adds the template's containers and images and the selector.
 *
 * <p>Real Kubernetes: {@code printDeployment}, {@code printReplicaSet},
 * {@code printReplicationController}, {@code printDaemonSet}, {@code printStatefulSet} and
 * {@code printJob} in {@code pkg/printers/internalversion/printers.go}.
 */
final class WorkloadPrinters {

    private static final List<TableColumnDefinition> CONTAINERS_IMAGES_SELECTOR =
            List.of(wide("Containers"), wide("Images"), wide("Selector"));

    static final TableHandler<Deployment> DEPLOYMENT = TableHandler.of(Deployment.class,
            columns(List.of(of("Name"), of("Ready"), of("Up-to-date"), of("Available"), of("Age")),
                    CONTAINERS_IMAGES_SELECTOR),
            WorkloadPrinters::deployment);

    static final TableHandler<ReplicaSet> REPLICA_SET = TableHandler.of(ReplicaSet.class,
            columns(List.of(of("Name"), of("Desired"), of("Current"), of("Ready"), of("Age")),
                    CONTAINERS_IMAGES_SELECTOR),
            WorkloadPrinters::replicaSet);

    static final TableHandler<ReplicationController> REPLICATION_CONTROLLER =
            TableHandler.of(ReplicationController.class, REPLICA_SET.columns(), WorkloadPrinters::replicationController);

    static final TableHandler<DaemonSet> DAEMON_SET = TableHandler.of(DaemonSet.class,
            columns(List.of(of("Name"), of("Desired"), of("Current"), of("Ready"), of("Up-to-date"), of("Available"),
                    of("Node Selector"), of("Age")), CONTAINERS_IMAGES_SELECTOR),
            WorkloadPrinters::daemonSet);

    static final TableHandler<StatefulSet> STATEFUL_SET = TableHandler.of(StatefulSet.class,
            List.of(of("Name"), of("Ready"), of("Age"), wide("Containers"), wide("Images")),
            WorkloadPrinters::statefulSet);

    static final TableHandler<Job> JOB = TableHandler.of(Job.class,
            columns(List.of(of("Name"), of("Status"), of("Completions"), of("Duration"), of("Age")),
                    CONTAINERS_IMAGES_SELECTOR),
            WorkloadPrinters::job);

    private WorkloadPrinters() {
    }

    /** READY is ready/desired; a selector that does not parse reads {@code <invalid>}. */
    static List<String> deployment(Deployment d, Instant now) {
        DeploymentSpec spec = d.spec();
        DeploymentStatus status = d.status();
        String selector;
        try {
            // Unlike the other kinds, an empty selector prints as "", not <none>.
            selector = Selector.from(spec == null ? null : spec.selector()).toString();
        } catch (IllegalArgumentException e) {
            selector = "<invalid>";
        }
        return row(List.of(Cells.name(d),
                num(status == null ? null : status.readyReplicas()) + "/" + num(spec == null ? null : spec.replicas()),
                String.valueOf(num(status == null ? null : status.updatedReplicas())),
                String.valueOf(num(status == null ? null : status.availableReplicas())),
                Cells.age(d, now)), Cells.containersAndImages(spec == null ? null : spec.template()), selector);
    }

    static List<String> replicaSet(ReplicaSet rs, Instant now) {
        ReplicaSetSpec spec = rs.spec();
        ReplicaSetStatus status = rs.status();
        return row(List.of(Cells.name(rs), String.valueOf(num(spec == null ? null : spec.replicas())),
                        String.valueOf(num(status == null ? null : status.replicas())),
                        String.valueOf(num(status == null ? null : status.readyReplicas())), Cells.age(rs, now)),
                Cells.containersAndImages(spec == null ? null : spec.template()),
                Cells.formatLabelSelector(spec == null ? null : spec.selector()));
    }

    /** As a ReplicaSet, but the selector is a plain label map. */
    static List<String> replicationController(ReplicationController rc, Instant now) {
        ReplicationControllerSpec spec = rc.spec();
        ReplicationControllerStatus status = rc.status();
        return row(List.of(Cells.name(rc), String.valueOf(num(spec == null ? null : spec.replicas())),
                        String.valueOf(num(status == null ? null : status.replicas())),
                        String.valueOf(num(status == null ? null : status.readyReplicas())), Cells.age(rc, now)),
                Cells.containersAndImages(spec == null ? null : spec.template()),
                Cells.formatLabels(spec == null ? null : spec.selector()));
    }

    static List<String> daemonSet(DaemonSet ds, Instant now) {
        DaemonSetSpec spec = ds.spec();
        DaemonSetStatus s = ds.status();
        PodTemplateSpec template = spec == null ? null : spec.template();
        return row(List.of(Cells.name(ds),
                        String.valueOf(num(s == null ? null : s.desiredNumberScheduled())),
                        String.valueOf(num(s == null ? null : s.currentNumberScheduled())),
                        String.valueOf(num(s == null ? null : s.numberReady())),
                        String.valueOf(num(s == null ? null : s.updatedNumberScheduled())),
                        String.valueOf(num(s == null ? null : s.numberAvailable())),
                        Cells.formatLabels(template == null || template.spec() == null ? null
                                : template.spec().nodeSelector()),
                        Cells.age(ds, now)),
                Cells.containersAndImages(template), Cells.formatLabelSelector(spec == null ? null : spec.selector()));
    }

    static List<String> statefulSet(StatefulSet sts, Instant now) {
        StatefulSetSpec spec = sts.spec();
        StatefulSetStatus status = sts.status();
        List<String> cells = new ArrayList<>(List.of(Cells.name(sts),
                num(status == null ? null : status.readyReplicas()) + "/" + num(spec == null ? null : spec.replicas()),
                Cells.age(sts, now)));
        cells.addAll(Cells.containersAndImages(spec == null ? null : spec.template()));
        return cells;
    }

    /**
     * STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, else Running (the first that
     * holds); COMPLETIONS: succeeded/completions, or {@code 0/1 of 3} for a work queue with
     * parallelism 3; DURATION: from startTime to completionTime, or to now while it runs.
     */
    static List<String> job(Job job, Instant now) {
        JobSpec spec = job.spec();
        JobStatus status = job.status() == null ? new JobStatus(null, null, null, null, null, null, null, null,
                null, null, null) : job.status();
        int succeeded = num(status.succeeded());
        String completions;
        if (spec != null && spec.completions() != null) {
            completions = succeeded + "/" + spec.completions();
        } else {
            int parallelism = spec == null ? 0 : num(spec.parallelism());
            completions = parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
        }
        String duration = "";
        if (status.startTime() != null) {
            Instant end = status.completionTime() == null ? now : status.completionTime();
            duration = HumanDuration.format(Duration.between(status.startTime(), end));
        }
        String jobStatus;
        if (hasCondition(status, JobCondition.COMPLETE)) {
            jobStatus = "Complete";
        } else if (hasCondition(status, JobCondition.FAILED)) {
            jobStatus = "Failed";
        } else if (job.metadata() != null && job.metadata().deletionTimestamp() != null) {
            jobStatus = "Terminating";
        } else if (hasCondition(status, JobCondition.SUSPENDED)) {
            jobStatus = "Suspended";
        } else if (hasCondition(status, JobCondition.FAILURE_TARGET)) {
            jobStatus = "FailureTarget";
        } else {
            jobStatus = "Running";
        }
        return row(List.of(Cells.name(job), jobStatus, completions, duration, Cells.age(job, now)),
                Cells.containersAndImages(spec == null ? null : spec.template()),
                Cells.formatLabelSelector(spec == null ? null : spec.selector()));
    }

    /** True when the first condition of this type is True. */
    private static boolean hasCondition(JobStatus status, String type) {
        for (JobCondition c : status.conditions()) {
            if (type.equals(c.type())) {
                return ConditionStatus.TRUE.equals(c.status());
            }
        }
        return false;
    }

    private static List<TableColumnDefinition> columns(List<TableColumnDefinition> a, List<TableColumnDefinition> b) {
        List<TableColumnDefinition> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> row(List<String> cells, List<String> containersAndImages, String selector) {
        List<String> all = new ArrayList<>(cells);
        all.addAll(containersAndImages);
        all.add(selector);
        return all;
    }
}
