package kubelab.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.ObjectList;
import kubelab.apiserver.cacher.Filter;
import kubelab.store.KeyValue;
import kubelab.store.RangeResult;
import kubelab.store.Store;
import kubelab.store.StoreException;

/**
 * Lists in pages ({@code limit} and {@code continue}). Every page of one list is read from the
 * store at the revision of the first page, so the pages together show one consistent moment; the
 * continue token carries that revision and the key to start from. Once the store has compacted
 * that revision, the token is too old: 410 Expired, and the client starts over.
 *
 * <p>Real Kubernetes: {@code etcd3.store.GetList} with its continue token
 * ({@code k8s.io/apiserver/pkg/storage/continue.go}): base64 of
 * {@code {"v":"meta.k8s.io/v1","rv":N,"start":"<key> + NUL"}}.
 */
final class Pager {
    private Pager() {
    }

    static <T extends KubeObject> ObjectList<T> list(Store store, ResourceType type, Filter filter, ListOptions options,
                                                     BiFunction<byte[], Long, T> decode,
                                                     Function<T, Map<String, String>> fields) {
        String prefix = Keys.prefix(type, filter.namespace());
        String resourcePrefix = Keys.prefix(type);
        long revision;
        String start;
        if (options.continueToken() != null && !options.continueToken().isEmpty()) {
            Token t = Token.decode(options.continueToken());
            revision = t.revision();
            start = resourcePrefix + t.start();
            if (!start.startsWith(prefix)) {
                throw ApiException.badRequest("continue key is not valid: the continue token belongs to another list");
            }
        } else {
            revision = store.currentRevision();
            start = prefix;
        }
        int limit = options.limit() > 0 ? (int) Math.min(options.limit(), Integer.MAX_VALUE) : Integer.MAX_VALUE;
        List<T> items = new ArrayList<>();
        int batch = limit == Integer.MAX_VALUE ? 0 : limit;
        String cursor = start;
        boolean more = true;
        try {
            while (more && items.size() < limit) {
                RangeResult page = store.range(prefix, cursor, revision, batch);
                List<KeyValue> kvs = page.kvs();
                int used = 0;
                for (KeyValue kv : kvs) {
                    used++;
                    cursor = kv.key() + "\u0000";
                    T object = decode.apply(kv.value(), kv.modRevision());
                    var m = object.metadata();
                    if (filter.matches(m.namespace(), m.labels(), fields.apply(object))) {
                        items.add(object);
                        if (items.size() == limit) {
                            break;
                        }
                    }
                }
                // More keys remain if this page was cut short, or the store says there are more.
                more = used < kvs.size() || page.more();
            }
        } catch (StoreException.Compacted e) {
            throw ApiException.expired("The provided continue parameter is too old to display a consistent list result."
                    + " You can start a new list without the continue parameter.");
        }
        String next = more ? cursor : null;
        String token = next == null ? null : new Token(revision, next.substring(resourcePrefix.length())).encode();
        return new ObjectList<>(items, Long.toString(revision), token, null);
    }

    /** The continue token: the revision of the first page and the key the next page starts at. */
    record Token(long revision, String start) {
        String encode() {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("v", "meta.k8s.io/v1");
            node.put("rv", revision);
            node.put("start", start);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Json.toJson(node).getBytes(StandardCharsets.UTF_8));
        }

        static Token decode(String text) {
            try {
                JsonNode node = Json.mapper().readTree(Base64.getUrlDecoder().decode(text));
                if (!"meta.k8s.io/v1".equals(node.path("v").asText()) || !node.has("rv") || !node.has("start")) {
                    throw new IllegalArgumentException();
                }
                return new Token(node.get("rv").asLong(), node.get("start").asText());
            } catch (Exception e) {
                throw ApiException.badRequest("continue key is not valid: " + text);
            }
        }
    }
}
