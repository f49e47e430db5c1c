package kubelab.apiserver.admission;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.meta.KubeObject;

/**
 * The ordered list of admission plug-ins. {@link #admit} runs every mutating plug-in in order, each
 * seeing the previous one's result; {@link #validate} runs every validating plug-in in order. The
 * registry calls admit before it validates the object and validate after, as Kubernetes does.
 *
 * <p>Real Kubernetes: {@code admission.chainAdmissionHandler}, ordered by
 * {@code --enable-admission-plugins} within the fixed recommended order.
 */
public final class AdmissionChain {
    private final List<AdmissionPlugin> plugins;

    public AdmissionChain(List<? extends AdmissionPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    /** The plug-ins, in the order they run. */
    public List<AdmissionPlugin> plugins() {
        return plugins;
    }

    /** A chain with one more plug-in at the end. */
    public AdmissionChain with(AdmissionPlugin plugin) {
        List<AdmissionPlugin> more = new ArrayList<>(plugins);
        more.add(plugin);
        return new AdmissionChain(more);
    }

    /** Runs the mutating plug-ins; returns the object as they left it. */
    public KubeObject admit(AdmissionRequest request) {
        AdmissionRequest current = request;
        for (AdmissionPlugin p : plugins) {
            if (p instanceof AdmissionPlugin.Mutating m && p.handles(request.operation())) {
                current = current.withObject(m.admit(current));
            }
        }
        return current.object();
    }

    /** Runs the validating plug-ins; the first refusal wins. */
    public void validate(AdmissionRequest request) {
        for (AdmissionPlugin p : plugins) {
            if (p instanceof AdmissionPlugin.Validating v && p.handles(request.operation())) {
                v.validate(request);
            }
        }
    }
}
