package kubelab.server.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The API server's {@code /metrics}: requests by verb, resource and response code, their
 * latencies, open watches, watch events sent, and objects in storage, named, labelled and
 * bucketed as in a real kube-apiserver.
 *
 * <p>Thread-safe and cheap on the request path: each call finds its labelled series in a
 * concurrent map and updates it with atomic adds. A scrape copies every series once and writes the
 * text outside any lock; an observation that arrives while its histogram is being copied is
 * buffered by the library and added right after, so no request waits for a scrape.
 *
 * <p>Simplified: no {@code apiserver_response_sizes}, no SLI latencies, no in-flight and APF
 * gauges, no {@code client} or {@code contentType} labels.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/endpoints/metrics} (requests, long-running
 * requests, watch events) and {@code k8s.io/apiserver/pkg/storage/etcd3/metrics} (objects).
 */
public final class ApiMetrics {

    /** The media type of {@link #scrape()}: the Prometheus text format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The {@code component} label of requests served by the API server itself. */
    public static final String COMPONENT = "apiserver";

    /**
     * Upper bounds, in seconds, of {@code apiserver_request_duration_seconds}: fine below one
     * second, where the latency SLOs are, and coarse up to the one-minute request timeout.
     */
    public static final double[] REQUEST_DURATION_BUCKETS = {
        0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25, 1.5, 2, 3,
        4, 5, 6, 8, 10, 15, 20, 30, 45, 60};

    /** Upper bounds, in bytes, of {@code apiserver_watch_events_sizes}: 1 KiB doubling to 128 KiB. */
    public static final double[] WATCH_EVENT_SIZE_BUCKETS = {
        1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer =
            PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(false).build();

    private final Counter requests;
    private final Histogram requestDurations;
    private final Gauge longRunningRequests;
    private final Counter watchEvents;
    private final Histogram watchEventSizes;

    /**
     * @param storageObjects the number of stored objects per resource ({@code "pods"},
     *                       {@code "deployments.apps"}), read at every scrape; an exception it
     *                       throws fails that scrape
     */
    public ApiMetrics(Supplier<Map<String, Long>> storageObjects) {
        Objects.requireNonNull(storageObjects, "storageObjects");
        // The help texts carry the stability level in brackets, as Kubernetes' metrics do.
        requests = Counter.builder()
                .name("apiserver_request_total")
                .help("[STABLE] Requests served, by verb, dry run, group, version, resource, "
                        + "subresource, scope, component and HTTP status code.")
                .labelNames("verb", "dry_run", "group", "version", "resource", "subresource",
                        "scope", "component", "code")
                .withoutExemplars()
                .register(registry);
        requestDurations = Histogram.builder()
                .name("apiserver_request_duration_seconds")
                .help("[STABLE] Time from receiving a request to finishing its response, in "
                        + "seconds, by verb, dry run, group, version, resource, subresource, "
                        + "scope and component.")
                .labelNames("verb", "dry_run", "group", "version", "resource", "subresource",
                        "scope", "component")
                .classicOnly()
                .classicUpperBounds(REQUEST_DURATION_BUCKETS)
                .withoutExemplars()
                .register(registry);
        longRunningRequests = Gauge.builder()
                .name("apiserver_longrunning_requests")
                .help("[STABLE] Long-running requests (watches) open now, by verb, group, "
                        + "version, resource, subresource, scope and component.")
                .labelNames("verb", "group", "version", "resource", "subresource", "scope",
                        "component")
                .withoutExemplars()
                .register(registry);
        // Older Kubernetes releases labelled these two by kind; current ones by resource, as every
        // other request metric is, so that queries can join on it.
        watchEvents = Counter.builder()
                .name("apiserver_watch_events_total")
                .help("[ALPHA] Events sent to watch clients, counted once per watcher.")
                .labelNames("group", "version", "resource")
                .withoutExemplars()
                .register(registry);
        watchEventSizes = Histogram.builder()
                .name("apiserver_watch_events_sizes")
                .help("[ALPHA] Sizes of the watch events sent, in bytes.")
                .labelNames("group", "version", "resource")
                .classicOnly()
                .classicUpperBounds(WATCH_EVENT_SIZE_BUCKETS)
                .withoutExemplars()
                .register(registry);
        GaugeWithCallback.builder()
                .name("apiserver_storage_objects")
                .help("[STABLE] Objects in storage at the time of the scrape, by resource.")
                .labelNames("resource")
                .callback(sample -> storageObjects.get()
                        .forEach((resource, count) -> sample.call(count, label(resource))))
                .register(registry);
    }

    /**
     * One finished request.
     *
     * @param verb        as reported: GET, LIST, WATCH, POST, PUT, PATCH, APPLY, DELETE,
     *                    DELETECOLLECTION (others become {@code other})
     * @param dryRun      whether the request had {@code dryRun=All}
     * @param group       the API group, empty for the core group
     * @param subresource empty for the resource itself
     * @param scope       {@code resource}, {@code namespace} or {@code cluster}
     */
    public void observe(String verb, boolean dryRun, String group, String version, String resource,
                        String subresource, String scope, int code, Duration latency) {
        String reportedVerb = ReportedVerb.of(verb);
        // Kubernetes reports the sorted, distinct dryRun values; All is the only valid one.
        String dryRunLabel = dryRun ? "All" : "";
        requests.labelValues(reportedVerb, dryRunLabel, label(group), label(version),
                        label(resource), label(subresource), label(scope), COMPONENT,
                        Integer.toString(code))
                .inc();
        requestDurations.labelValues(reportedVerb, dryRunLabel, label(group), label(version),
                        label(resource), label(subresource), label(scope), COMPONENT)
                .observe(seconds(latency));
    }

    /**
     * A watch (or other long-running request) began; close the handle when it ends. Closing it
     * twice counts once.
     */
    public AutoCloseable longRunning(String verb, String group, String version, String resource,
                                     String subresource, String scope) {
        GaugeDataPoint open = longRunningRequests.labelValues(ReportedVerb.of(verb), label(group),
                label(version), label(resource), label(subresource), label(scope), COMPONENT);
        open.inc();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                open.dec();
            }
        };
    }

    /** One event sent to one watcher, {@code bytes} long as encoded. */
    public void watchEvent(String group, String version, String resource, int bytes) {
        watchEvents.labelValues(label(group), label(version), label(resource)).inc();
        watchEventSizes.labelValues(label(group), label(version), label(resource)).observe(bytes);
    }

    /** The Prometheus text exposition (format 0.0.4), to be served as {@link #CONTENT_TYPE}. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            // Kubernetes' names are already valid legacy Prometheus names: nothing to escape.
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail to be written
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String label(String value) {
        return value == null ? "" : value;
    }

    private static double seconds(Duration latency) {
        return latency.toNanos() / 1e9;
    }
}
