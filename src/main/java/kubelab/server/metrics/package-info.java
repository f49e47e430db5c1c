/**
 * The API server's own metrics, served at {@code /metrics} in the Prometheus text format:
 * {@link kubelab.server.metrics.ApiMetrics} counts finished requests and their latencies, open
 * watches, watch events sent, and the objects in storage, under the names, labels and buckets
 * that a real kube-apiserver uses, so that the queries and dashboards written for Kubernetes work
 * against KubeLab unchanged.
 *
 * <p>Who it talks to: the HTTP server ({@code kubelab.server}) calls it once per request, once per
 * watch and once per watch event, and asks it for the text when {@code /metrics} is scraped; it
 * asks the server for the stored object counts at scrape time. It knows nothing of HTTP or
 * storage itself.
 *
 * <p>Why shaped this way: the Prometheus Java client keeps the counters and histograms (lock-free
 * on the request path) and writes the exposition format; this package only decides what is
 * measured and how Kubernetes names it.
 */
package kubelab.server.metrics;
