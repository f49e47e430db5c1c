package kubelab.cli;

import kubelab.api.ResourceType;

/**
 * How the command line names one object: {@code pod/nginx} in the core group,
 * {@code deployment.apps/nginx-deployment} elsewhere. The singular resource name, qualified by its
 * group, is what kubectl prints after {@code apply}, {@code create} and {@code delete}, and what it
 * accepts back as an argument.
 *
 * <p>Real Kubernetes: the {@code NamePrinter} of {@code k8s.io/cli-runtime/pkg/printers}.
 */
final class ResourceNames {

    private ResourceNames() {
    }

    /** {@code pod/nginx}, {@code deployment.apps/web}. */
    static String of(ResourceType type, String name) {
        return type.objectName(name);
    }
}
