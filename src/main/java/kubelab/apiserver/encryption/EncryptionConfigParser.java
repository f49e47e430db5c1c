package kubelab.apiserver.encryption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kubelab.api.serialization.Json;
import kubelab.apiserver.encryption.EncryptionConfiguration.AesGcm;
import kubelab.apiserver.encryption.EncryptionConfiguration.Identity;
import kubelab.apiserver.encryption.EncryptionConfiguration.Key;
import kubelab.apiserver.encryption.EncryptionConfiguration.Provider;
import kubelab.apiserver.encryption.EncryptionConfiguration.ResourceConfiguration;

/**
 * Reads an {@link EncryptionConfiguration} from YAML by walking the parsed tree field by field, so
 * every problem is reported with its path ({@code resources[0].providers[1].aesgcm.keys[0].name})
 * and all problems come at once. Unknown fields are errors: a misspelt {@code provider:} must not
 * silently leave Secrets unencrypted.
 *
 * <p>Real Kubernetes: strict decoding plus {@code ValidateEncryptionConfiguration} in
 * {@code k8s.io/apiserver/pkg/apis/apiserver/validation}.
 */
final class EncryptionConfigParser {
    private static final Set<String> UNSUPPORTED = Set.of("aescbc", "secretbox", "kms");
    // A resource as the API names it: a plural, optionally followed by its group (deployments.apps).
    private static final Pattern RESOURCE = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9.]*[a-z0-9])?)?");

    private final String source;
    private final List<String> problems = new ArrayList<>();

    EncryptionConfigParser(String source) {
        this.source = source;
    }

    EncryptionConfiguration parse(String text) {
        JsonNode root;
        try {
            root = Json.yamlMapper().readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new EncryptionConfigurationException(List.of(source + (at != null ? ":" + at.getLineNr() : "")
                    + ": not valid YAML: " + oneLine(e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new EncryptionConfigurationException(List.of(source
                    + ": must be a YAML mapping with apiVersion, kind and resources"));
        }
        onlyFields(root, "", "apiVersion", "kind", "resources");
        expectText(root, "apiVersion", EncryptionConfiguration.API_VERSION);
        expectText(root, "kind", EncryptionConfiguration.KIND);
        List<ResourceConfiguration> entries = new ArrayList<>();
        Map<String, String> listedAt = new HashMap<>();
        List<JsonNode> items = list(root.get("resources"), "resources");
        for (int i = 0; i < items.size(); i++) {
            entries.add(resourceConfiguration(items.get(i), "resources[" + i + "]", listedAt));
        }
        if (!problems.isEmpty()) {
            throw new EncryptionConfigurationException(problems);
        }
        return new EncryptionConfiguration(entries);
    }

    private ResourceConfiguration resourceConfiguration(JsonNode node, String path, Map<String, String> listedAt) {
        if (!mapping(node, path)) {
            return null;
        }
        onlyFields(node, path + ".", "resources", "providers");
        List<String> names = new ArrayList<>();
        List<JsonNode> resources = list(node.get("resources"), path + ".resources");
        for (int j = 0; j < resources.size(); j++) {
            String at = path + ".resources[" + j + "]";
            String name = resources.get(j).isTextual() ? resources.get(j).asText() : null;
            if (name == null || name.isEmpty()) {
                problem(at, "must be a resource name such as secrets or deployments.apps");
            } else if (name.contains("*")) {
                problem(at, "wildcards such as \"" + name + "\" are not supported here: list each resource");
            } else if (!RESOURCE.matcher(name).matches()) {
                problem(at, "\"" + name + "\" is not a resource name: use the lowercase plural, "
                        + "with its group if it has one (secrets, deployments.apps)");
            } else if (listedAt.putIfAbsent(plural(name), at) != null) {
                problem(at, "\"" + name + "\" is already listed at " + listedAt.get(plural(name))
                        + "; each resource may be listed once");
            } else {
                names.add(name);
            }
        }
        List<Provider> providers = new ArrayList<>();
        List<JsonNode> items = list(node.get("providers"), path + ".providers");
        for (int k = 0; k < items.size(); k++) {
            Provider provider = provider(items.get(k), path + ".providers[" + k + "]");
            if (provider != null) {
                providers.add(provider);
            }
        }
        return new ResourceConfiguration(names, providers);
    }

    /** The YAML parser's message without its indented excerpt of the file: one line, as problems are. */
    private static String oneLine(String message) {
        return message.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** {@code deployments.apps} is stored under {@code deployments}: the key layout has no group. */
    static String plural(String resource) {
        int dot = resource.indexOf('.');
        return dot < 0 ? resource : resource.substring(0, dot);
    }

    private Provider provider(JsonNode node, String path) {
        if (!mapping(node, path)) {
            return null;
        }
        List<String> named = new ArrayList<>();
        node.fieldNames().forEachRemaining(named::add);
        if (named.size() != 1) {
            problem(path, named.isEmpty() ? "must name one provider: aesgcm or identity"
                    : "names " + String.join(" and ", named) + ": give one provider per list item");
            return null;
        }
        String name = named.get(0);
        JsonNode body = node.get(name);
        String at = path + "." + name;
        switch (name) {
            case "identity" -> {
                if (!body.isNull() && !(body.isObject() && body.isEmpty())) {
                    problem(at, "takes no settings: write identity: {}");
                }
                return new Identity();
            }
            case "aesgcm" -> {
                return aesgcm(body, at);
            }
            default -> {
                problem(at, UNSUPPORTED.contains(name)
                        ? "provider \"" + name + "\" is not supported here; kubelab supports aesgcm and identity"
                        : "unknown provider \"" + name + "\"; kubelab supports aesgcm and identity");
                return null;
            }
        }
    }

    private AesGcm aesgcm(JsonNode body, String path) {
        if (!mapping(body, path)) {
            return null;
        }
        onlyFields(body, path + ".", "keys");
        List<Key> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonNode> items = list(body.get("keys"), path + ".keys");
        for (int m = 0; m < items.size(); m++) {
            String at = path + ".keys[" + m + "]";
            JsonNode item = items.get(m);
            if (!mapping(item, at)) {
                continue;
            }
            onlyFields(item, at + ".", "name", "secret");
            String name = text(item, at + ".name");
            byte[] secret = secret(item, at + ".secret");
            if (name != null && name.contains(":")) {
                problem(at + ".name", "must not contain ':', which ends the key name in a stored value's prefix");
                name = null;
            } else if (name != null && !names.add(name)) {
                problem(at + ".name", "key \"" + name + "\" is listed twice in this provider");
                name = null;
            }
            if (name != null && secret != null) {
                keys.add(new Key(name, secret));
            }
        }
        return new AesGcm(keys);
    }

    private byte[] secret(JsonNode item, String path) {
        String text = text(item, path);
        if (text == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || (bytes.length != 16 && bytes.length != 24 && bytes.length != 32)) {
            problem(path, "must be base64 of 16, 24 or 32 bytes"
                    + (bytes == null ? " (it is not valid base64)" : " (it decodes to " + bytes.length + " bytes)"));
            return null;
        }
        return bytes;
    }

    /** A required, non-empty string field; the path's last segment is the field's name in {@code parent}. */
    private String text(JsonNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
            problem(path, "is required");
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "must be a string");
            return null;
        }
        return node.asText();
    }

    private void expectText(JsonNode root, String field, String expected) {
        String actual = text(root, field);
        if (actual != null && !actual.equals(expected)) {
            problem(field, "must be " + expected + ", not " + actual);
        }
    }

    /** A required, non-empty list; its items, or none after reporting the problem. */
    private List<JsonNode> list(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            problem(path, "is required");
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "must be a list");
            return List.of();
        }
        if (node.isEmpty()) {
            problem(path, "must not be empty");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private boolean mapping(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problem(path, "must be a mapping");
            return false;
        }
        return true;
    }

    private void onlyFields(JsonNode node, String pathPrefix, String... known) {
        Set<String> allowed = Set.of(known);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(pathPrefix + name, "unknown field (expected " + String.join(", ", known) + ")");
            }
        }
    }

    private void problem(String path, String message) {
        problems.add(source + ": " + path + ": " + message);
    }
}
