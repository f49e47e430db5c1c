package kubelab.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {

    private final Map<String, Long> stored = new ConcurrentHashMap<>();
    private final ApiMetrics metrics = new ApiMetrics(() -> stored);

    private Exposition scrape() {
        return Exposition.parse(metrics.scrape());
    }

    /** The labels of a request on a core-group resource, as Kubernetes writes them. */
    private static Map<String, String> request(String verb, String resource, String scope) {
        Map<String, String> labels = new HashMap<>();
        labels.put("verb", verb);
        labels.put("dry_run", "");
        labels.put("group", "");
        labels.put("version", "v1");
        labels.put("resource", resource);
        labels.put("subresource", "");
        labels.put("scope", scope);
        labels.put("component", "apiserver");
        return labels;
    }

    private static Map<String, String> with(Map<String, String> labels, String... more) {
        Map<String, String> copy = new HashMap<>(labels);
        for (int i = 0; i + 1 < more.length; i += 2) {
            copy.put(more[i], more[i + 1]);
        }
        return copy;
    }

    @Test
    @DisplayName("a request is counted under its verb, resource and code")
    void countsRequests() {
        Duration fast = Duration.ofMillis(2);
        metrics.observe("GET", false, "", "v1", "pods", "", "resource", 200, fast);
        metrics.observe("GET", false, "", "v1", "pods", "", "resource", 200, fast);
        metrics.observe("GET", false, "", "v1", "pods", "", "resource", 404, fast);
        metrics.observe("LIST", false, "", "v1", "pods", "", "namespace", 200, fast);
        metrics.observe("POST", false, "", "v1", "pods", "", "resource", 201, fast);

        Exposition text = scrape();
        assertThat(text.types).containsEntry("apiserver_request_total", "counter");
        assertThat(text.value("apiserver_request_total",
                with(request("GET", "pods", "resource"), "code", "200"))).isEqualTo(2.0);
        assertThat(text.value("apiserver_request_total",
                with(request("GET", "pods", "resource"), "code", "404"))).isEqualTo(1.0);
        assertThat(text.value("apiserver_request_total",
                with(request("LIST", "pods", "namespace"), "code", "200"))).isEqualTo(1.0);
        assertThat(text.value("apiserver_request_total",
                with(request("POST", "pods", "resource"), "code", "201"))).isEqualTo(1.0);
        assertThat(text.matching("apiserver_request_total", Map.of())).hasSize(4);
    }

    @Test
    @DisplayName("a dry run, an API group and a subresource each have their own label")
    void labelsGroupDryRunAndSubresource() {
        metrics.observe("APPLY", true, "apps", "v1", "deployments", "", "resource", 200,
                Duration.ofMillis(5));
        metrics.observe("PUT", false, "apps", "v1", "deployments", "scale", "resource", 200,
                Duration.ofMillis(5));

        Exposition text = scrape();
        Map<String, String> apply = with(request("APPLY", "deployments", "resource"),
                "group", "apps", "dry_run", "All");
        assertThat(text.value("apiserver_request_total", with(apply, "code", "200")))
                .isEqualTo(1.0);
        Map<String, String> scale = with(request("PUT", "deployments", "resource"),
                "group", "apps", "subresource", "scale");
        assertThat(text.value("apiserver_request_duration_seconds_count", scale)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("latencies fall into Kubernetes' buckets")
    void latencyBuckets() {
        for (long millis : new long[] {3, 300, 2_500, 90_000}) {
            metrics.observe("LIST", false, "", "v1", "pods", "", "cluster", 200,
                    Duration.ofMillis(millis));
        }

        Exposition text = scrape();
        assertThat(text.types).containsEntry("apiserver_request_duration_seconds", "histogram");
        Map<String, String> list = request("LIST", "pods", "cluster");
        List<Exposition.Sample> buckets =
                text.matching("apiserver_request_duration_seconds_bucket", list);
        List<Double> bounds = new ArrayList<>();
        Map<Double, Double> cumulative = new HashMap<>();
        for (Exposition.Sample bucket : buckets) {
            double le = Double.parseDouble(bucket.labels().get("le").replace("+Inf", "Infinity"));
            bounds.add(le);
            cumulative.put(le, bucket.value());
        }
        List<Double> expected = new ArrayList<>();
        Arrays.stream(ApiMetrics.REQUEST_DURATION_BUCKETS).forEach(expected::add);
        expected.add(Double.POSITIVE_INFINITY);
        assertThat(bounds).containsExactlyElementsOf(expected);
        assertThat(expected.subList(0, 5)).containsExactly(0.005, 0.025, 0.05, 0.1, 0.2);
        assertThat(expected.get(expected.size() - 2)).isEqualTo(60.0);

        assertThat(cumulative.get(0.005)).isEqualTo(1.0);  // 3 ms
        assertThat(cumulative.get(0.2)).isEqualTo(1.0);
        assertThat(cumulative.get(0.4)).isEqualTo(2.0);    // 300 ms
        assertThat(cumulative.get(2.0)).isEqualTo(2.0);
        assertThat(cumulative.get(3.0)).isEqualTo(3.0);    // 2.5 s
        assertThat(cumulative.get(60.0)).isEqualTo(3.0);
        assertThat(cumulative.get(Double.POSITIVE_INFINITY)).isEqualTo(4.0); // 90 s
        assertThat(text.value("apiserver_request_duration_seconds_count", list)).isEqualTo(4.0);
        assertThat(text.value("apiserver_request_duration_seconds_sum", list))
                .isCloseTo(92.803, within(1e-9));
    }

    @Test
    @DisplayName("an open watch shows in apiserver_longrunning_requests until it ends")
    void longRunningWatches() throws Exception {
        Map<String, String> watch = new HashMap<>(request("WATCH", "pods", "namespace"));
        watch.remove("dry_run");

        AutoCloseable first = metrics.longRunning("WATCH", "", "v1", "pods", "", "namespace");
        AutoCloseable second = metrics.longRunning("WATCH", "", "v1", "pods", "", "namespace");
        assertThat(scrape().types).containsEntry("apiserver_longrunning_requests", "gauge");
        assertThat(scrape().value("apiserver_longrunning_requests", watch)).isEqualTo(2.0);

        first.close();
        assertThat(scrape().value("apiserver_longrunning_requests", watch)).isEqualTo(1.0);
        first.close(); // a second close of the same watch changes nothing
        assertThat(scrape().value("apiserver_longrunning_requests", watch)).isEqualTo(1.0);

        second.close();
        assertThat(scrape().value("apiserver_longrunning_requests", watch)).isEqualTo(0.0);
    }

    @Test
    @DisplayName("each watch event sent is counted and sized per resource")
    void watchEvents() {
        metrics.watchEvent("", "v1", "pods", 700);
        metrics.watchEvent("", "v1", "pods", 3_000);
        metrics.watchEvent("apps", "v1", "deployments", 5_000);

        Exposition text = scrape();
        Map<String, String> pods = Map.of("group", "", "version", "v1", "resource", "pods");
        assertThat(text.value("apiserver_watch_events_total", pods)).isEqualTo(2.0);
        assertThat(text.value("apiserver_watch_events_total",
                Map.of("group", "apps", "version", "v1", "resource", "deployments")))
                .isEqualTo(1.0);
        assertThat(text.value("apiserver_watch_events_sizes_bucket", with(pods, "le", "1024.0")))
                .isEqualTo(1.0);
        assertThat(text.value("apiserver_watch_events_sizes_bucket", with(pods, "le", "4096.0")))
                .isEqualTo(2.0);
        assertThat(text.value("apiserver_watch_events_sizes_sum", pods)).isEqualTo(3_700.0);
        assertThat(text.matching("apiserver_watch_events_sizes_bucket", pods))
                .hasSize(ApiMetrics.WATCH_EVENT_SIZE_BUCKETS.length + 1);
    }

    @Test
    @DisplayName("storage object counts are read at scrape time")
    void storageObjects() {
        stored.put("pods", 3L);
        assertThat(scrape().value("apiserver_storage_objects", Map.of("resource", "pods")))
                .isEqualTo(3.0);

        stored.put("pods", 5L);
        stored.put("deployments.apps", 1L);
        Exposition text = scrape();
        assertThat(text.types).containsEntry("apiserver_storage_objects", "gauge");
        assertThat(text.value("apiserver_storage_objects", Map.of("resource", "pods")))
                .isEqualTo(5.0);
        assertThat(text.value("apiserver_storage_objects", Map.of("resource", "deployments.apps")))
                .isEqualTo(1.0);
    }

    @Test
    @DisplayName("the text parses line by line as name{labels} value, odd label values included")
    void textFormat() {
        stored.put("pods", 1L);
        metrics.observe("GET", false, "", "v1", "pods", "we\"ird\\sub\nresource", "resource", 200,
                Duration.ofMillis(1));
        metrics.watchEvent("", "v1", "pods", 10);
        metrics.longRunning("WATCH", "", "v1", "pods", "", "cluster");

        String raw = metrics.scrape();
        Exposition text = Exposition.parse(raw); // throws on any line outside the format

        assertThat(text.types.keySet()).containsExactlyInAnyOrder(
                "apiserver_request_total", "apiserver_request_duration_seconds",
                "apiserver_longrunning_requests", "apiserver_watch_events_total",
                "apiserver_watch_events_sizes", "apiserver_storage_objects");
        assertThat(text.matching("apiserver_request_total", Map.of()))
                .singleElement()
                .satisfies(s -> assertThat(s.labels())
                        .containsEntry("subresource", "we\"ird\\sub\nresource"));
        assertThat(raw).doesNotContain("_created");
        assertThat(ApiMetrics.CONTENT_TYPE).isEqualTo(PrometheusTextFormatWriter.CONTENT_TYPE);
    }

    @Test
    @DisplayName("requests observed from many threads at once are all counted")
    void concurrentObservers() throws Exception {
        int threads = 8;
        int each = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        metrics.observe("GET", false, "", "v1", "pods", "", "resource", 200,
                                Duration.ofMillis(1));
                        if (i % 1_000 == 0) {
                            metrics.scrape(); // scrapes run alongside the observers
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Exposition text = scrape();
        Map<String, String> get = request("GET", "pods", "resource");
        assertThat(text.value("apiserver_request_total", with(get, "code", "200")))
                .isEqualTo((double) threads * each);
        assertThat(text.value("apiserver_request_duration_seconds_count", get))
                .isEqualTo((double) threads * each);
    }
}
