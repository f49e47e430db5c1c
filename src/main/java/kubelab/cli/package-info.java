/**
 * The {@code kubelab} command line: {@link kubelab.cli.Main} and one class per verb
 * ({@code validate} today; {@code run}, {@code serve}, {@code notebook}, {@code get} to come).
 *
 * <p>Who it talks to: the API machinery, as any client does. {@code validate} reads manifests with
 * {@code kubelab.api.serialization} and asks an in-process {@code kubelab.apiserver.ApiServer} to
 * dry-run each object; it never checks an object itself, so what it says is what the server says.
 *
 * <p>Why it is shaped this way: kubectl's, with a package per verb and printing kept apart from the
 * work, so that each command stays small and the same work can be called from a notebook. Tests
 * drive {@link kubelab.cli.Main#run(String[], java.io.PrintStream, java.io.PrintStream)}, which
 * returns the exit code instead of exiting.
 */
package kubelab.cli;
