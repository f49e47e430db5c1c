/**
 * Support for the course material. {@link kubelab.course.Excerpts} cuts the code the chapters quote
 * out of the running source, so text and code cannot drift apart; {@link kubelab.course.NotebookRunner}
 * runs a notebook's cells in process with JShell, the evaluator the Jupyter kernel shares, so that a
 * test proves every cell of every notebook still runs and every check in it still holds. It keeps
 * each value's object ({@link kubelab.course.ValueCapture}) for the kernel to show by type, and runs
 * the line magics {@code %jars} and {@code %classpath} ({@link kubelab.course.LineMagics}) itself, so
 * the kernel, the tests and {@code kubelab course} agree on what a cell means.
 */
package kubelab.course;
