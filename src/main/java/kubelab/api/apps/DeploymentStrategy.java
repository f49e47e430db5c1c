package kubelab.api.apps;

import kubelab.api.meta.IntOrString;

/**
 * How a Deployment replaces pods: {@value #RECREATE} (delete all old pods, then create the new
 * ones) or {@value #ROLLING_UPDATE} (the default: step by step within the {@code rollingUpdate} bounds).
 *
 * <p>Real Kubernetes: {@code appsv1.DeploymentStrategy} and {@code appsv1.DeploymentStrategyType}.
 */
public record DeploymentStrategy(String type, RollingUpdateDeployment rollingUpdate) {

    public static final String RECREATE = "Recreate";
    public static final String ROLLING_UPDATE = "RollingUpdate";

    public static DeploymentStrategy recreate() {
        return new DeploymentStrategy(RECREATE, null);
    }

    public static DeploymentStrategy rollingUpdate(IntOrString maxUnavailable, IntOrString maxSurge) {
        return new DeploymentStrategy(ROLLING_UPDATE, new RollingUpdateDeployment(maxUnavailable, maxSurge));
    }
}
