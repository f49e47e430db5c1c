/**
 * The course in real Jupyter: {@link kubelab.notebook.KubeLabKernel}, a Jupyter kernel that runs
 * each cell in the same JShell session the tests use, and {@link kubelab.notebook.KernelSpec},
 * which tells Jupyter how to start it. {@code ./kubelab notebook} ties them to a Jupyter server.
 */
package kubelab.notebook;
