/**
 * The image catalogue: what each image name means to the simulated runtime. Names are normalised
 * as containerd normalises them ({@link kubelab.runtime.images.ImageReference}); the repositories,
 * tags, sizes, Docker image configs, files and behaviours come from one YAML resource
 * ({@code kubelab/runtime/images.yaml}) read by {@link kubelab.runtime.images.ImageCatalogue}.
 *
 * <p>Why data: adding an image used by a new example is a few lines of YAML, and a learner can read
 * what an image is (its Entrypoint and Cmd, its files) in one place. Unknown names fail with the
 * registry's own messages, so ErrImagePull looks as it does on a real cluster.
 */
package kubelab.runtime.images;
