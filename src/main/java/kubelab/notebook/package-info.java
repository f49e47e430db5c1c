/**
 * The course in real Jupyter: {@link kubelab.notebook.KubeLabKernel}, a Jupyter kernel that runs
 * each cell in the same JShell session the tests use, and {@link kubelab.notebook.KernelSpec},
 * which tells Jupyter how to start it. {@code ./kubelab notebook} ties them to a Jupyter server.
 * Rich output: {@link kubelab.notebook.Display}, {@link kubelab.notebook.Displayable} values, and
 * {@link kubelab.notebook.Diagram}s (Mermaid, from {@link kubelab.notebook.Diagrams}), sent as one
 * bundle ({@link kubelab.notebook.Mermaid}) that draws in the classic Notebook and in JupyterLab alike;
 * {@link kubelab.notebook.DiagramFiles} ties the committed diagram pictures to their sources.
 */
package kubelab.notebook;
