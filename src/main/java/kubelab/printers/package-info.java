/**
 * What {@code kubectl get} prints: per-kind row printers that turn objects into a {@link
 * kubelab.printers.Table} (NAME READY STATUS RESTARTS AGE for pods, and so on), and a
 * {@link kubelab.printers.TablePrinter} that aligns it into kubectl's columns.
 *
 * <p>{@link kubelab.printers.Printers} is the entry point; it reads only the typed API records of
 * {@code kubelab.api} and a time "now" from the caller's clock, and talks to nothing else: the CLI,
 * the notebooks and the tests hand it objects they listed. {@link kubelab.printers.HumanDuration}
 * is the AGE format on its own.
 *
 * <p>It is split as Kubernetes splits it, so each half can be read against its original: the
 * server builds a Table with every column and their priorities ({@code pkg/printers/internalversion}),
 * and kubectl chooses the columns and aligns them ({@code k8s.io/cli-runtime/pkg/printers}).
 */
package kubelab.printers;
