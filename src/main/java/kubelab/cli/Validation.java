package kubelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.DecodedObject;
import kubelab.api.serialization.Manifest;
import kubelab.api.serialization.ManifestException;
import kubelab.api.serialization.ManifestReader;
import kubelab.api.serialization.ObjectDecoder;

/**
 * The work behind {@code kubelab validate}, without the printing: read every file, type every
 * object, and ask a {@link DryRunCluster} about each one. The result keeps the order of the files
 * and of the objects in them, so the report reads top to bottom like the manifests.
 *
 * <p>Every kind of mistake becomes an entry rather than an exception: a file that cannot be read or
 * parsed, a document whose kind is unknown or whose values do not fit their types, an object the
 * server refuses. One broken file never hides what is wrong, or right, in the others.
 *
 * <p>Real Kubernetes: {@code kubectl apply --dry-run=server -f PATH -R}, which reads with
 * {@code k8s.io/cli-runtime/pkg/resource.Builder} and lets the API server judge each object.
 */
final class Validation {

    private Validation() {
    }

    /** One line group of the report, in file order. */
    sealed interface Entry permits Checked, Failed {
    }

    /**
     * An object that was read and typed, and what the server said about it.
     *
     * @param decoded the object with its decoding warnings ({@code unknown field "spec.foo"})
     * @param type    its resource type, for the {@code pod/nginx} name
     * @param outcome the dry run's answer (null only while the report is being built)
     */
    record Checked(DecodedObject decoded, ResourceType type, DryRunCluster.Outcome outcome) implements Entry {
        /** The object's name as the server would store it (a generated one, for generateName). */
        String name() {
            KubeObject object = outcome.valid() ? outcome.accepted() : decoded.object();
            if (object.metadata() == null) {
                return "";
            }
            String name = object.metadata().name();
            if (name == null || name.isEmpty()) {
                name = object.metadata().generateName();
            }
            return name == null ? "" : name;
        }
    }

    /**
     * A file, or one document of it, that could not be read or typed.
     *
     * @param source  the file, as the report names it
     * @param message what went wrong, naming the file and, where known, the line
     */
    record Failed(String source, String message) implements Entry {
    }

    /** Everything a validate run found. */
    record Report(List<Entry> entries) {
        Report {
            entries = List.copyOf(entries);
        }

        int objects() {
            return (int) entries.stream().filter(e -> e instanceof Checked).count();
        }

        int valid() {
            return (int) entries.stream().filter(e -> e instanceof Checked c && c.outcome().valid()).count();
        }

        int invalid() {
            return objects() - valid();
        }

        /** Files (or arguments) with at least one error of their own, counted once each. */
        int filesWithErrors() {
            Set<String> files = new HashSet<>();
            for (Entry entry : entries) {
                if (entry instanceof Failed failed) {
                    files.add(failed.source());
                }
            }
            return files.size();
        }

        /** True if every file was read and every object is valid. */
        boolean ok() {
            return invalid() == 0 && filesWithErrors() == 0;
        }
    }

    /**
     * Validates what the arguments name.
     *
     * <ol>
     *   <li>Expand each argument into files and read them.</li>
     *   <li>Parse each file into manifests, and type each manifest through the scheme.</li>
     *   <li>Dry-run all typed objects together, so Namespaces the files declare come first.</li>
     * </ol>
     */
    static Report run(List<String> arguments, ManifestSources sources) {
        Scheme scheme = Scheme.standard();
        ObjectDecoder decoder = new ObjectDecoder(scheme);
        // First pass: read and type; a Checked here has no outcome yet.
        List<Entry> entries = new ArrayList<>();
        for (String argument : arguments) {
            int before = entries.size();
            for (ManifestSources.Source source : sources.expand(argument)) {
                entries.addAll(readSource(source, decoder, scheme));
            }
            if (entries.size() == before) {
                // Only empty files: say so, as kubectl does, instead of succeeding at nothing.
                String name = argument.equals("-") ? ManifestSources.STDIN : sources.displayName(Path.of(argument));
                entries.add(new Failed(name, name + ": no objects found"));
            }
        }
        // Second pass: the server's answers, all at once, so declared Namespaces go first.
        List<Integer> positions = new ArrayList<>();
        List<KubeObject> objects = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof Checked c) {
                positions.add(i);
                objects.add(c.decoded().object());
            }
        }
        List<DryRunCluster.Outcome> outcomes = new DryRunCluster().validateAll(objects);
        for (int k = 0; k < positions.size(); k++) {
            Checked c = (Checked) entries.get(positions.get(k));
            entries.set(positions.get(k), new Checked(c.decoded(), c.type(), outcomes.get(k)));
        }
        return new Report(entries);
    }

    /** The typed objects of one file, with a {@link Failed} in place of each document that failed. */
    private static List<Entry> readSource(ManifestSources.Source source, ObjectDecoder decoder, Scheme scheme) {
        if (!source.readable()) {
            return List.of(new Failed(source.name(), source.error()));
        }
        List<Manifest> manifests;
        try {
            manifests = ManifestReader.read(source.name(), source.text());
        } catch (ManifestException e) {
            return List.of(new Failed(source.name(), e.getMessage()));
        }
        List<Entry> out = new ArrayList<>(manifests.size());
        for (Manifest manifest : manifests) {
            try {
                DecodedObject decoded = decoder.decode(manifest);
                out.add(new Checked(decoded, scheme.of(decoded.object()), null));
            } catch (ManifestException e) {
                out.add(new Failed(source.name(), e.getMessage()));
            }
        }
        return out;
    }
}
