package kubelab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.Json;
import kubelab.apiserver.WatchEvent;

/**
 * Watch events as they go on the wire: {@code {"type":"MODIFIED","object":{...}}} and a newline.
 * One change reaches every watcher of its type as the same object, so its JSON is made once and
 * shared (a cache keyed by the object's identity), as kube-apiserver's cacher serializes an event
 * once for all its watchers. Lists reuse the same cache: a list's items are the watch cache's
 * objects, so a second list of an unchanged collection encodes nothing. A BOOKMARK carries only the kind and the resourceVersion; an ERROR
 * carries a Status.
 *
 * <p>Real Kubernetes: {@code watchEncoder} in {@code k8s.io/apiserver/pkg/endpoints/handlers/watch.go}
 * and {@code cachingObject} in the cacher.
 */
final class WatchEncoder {
    private static final byte[] NEWLINE = {'\n'};

    /**
     * Object JSON by object identity (weak keys compare with ==); entries go when the object does.
     * Room for a few large lists (each item about half a kilobyte of JSON).
     */
    private final Cache<Object, byte[]> encoded = Caffeine.newBuilder().executor(Runnable::run).weakKeys().maximumSize(50_000).build();

    /**
     * Whole event frames by object identity, one slot per event type: a change that reaches a
     * thousand watchers is framed once, not a thousand times (the same object is ADDED for some
     * watchers and MODIFIED for others, so each type has its slot).
     */
    private final Cache<Object, byte[][]> frames = Caffeine.newBuilder().executor(Runnable::run).weakKeys().maximumSize(10_000).build();

    byte[] event(ResourceType type, WatchEvent<KubeObject> event) {
        return switch (event.type()) {
            case ERROR -> frame(event.type(), Json.toBytes(Exchange.statusDocument(event.error())));
            case BOOKMARK -> frame(event.type(), Json.toBytes(bookmark(type, event.resourceVersion())));
            default -> objectFrame(event.type(), event.object());
        };
    }

    /** An ADDED, MODIFIED or DELETED frame of an object, made once per object and type. */
    private byte[] objectFrame(WatchEvent.Type type, KubeObject object) {
        byte[][] slots = frames.getIfPresent(object);
        if (slots == null) {
            slots = new byte[WatchEvent.Type.values().length][];
            frames.put(object, slots);
        }
        byte[] frame = slots[type.ordinal()];
        if (frame == null) {
            // two writers may frame the same event at once: both make the same bytes, one is kept
            frame = frame(type, objectBytes(object));
            slots[type.ordinal()] = frame;
        }
        return frame;
    }

    /** For {@code kubectl get -w}: each event's object is a one-row Table. */
    byte[] tableEvent(ResourceType type, WatchEvent<KubeObject> event, Instant now) {
        if (event.type() == WatchEvent.Type.ERROR || event.type() == WatchEvent.Type.BOOKMARK) {
            return event(type, event);
        }
        KubeObject o = event.object();
        ObjectNode table = TableConvertor.table(type.kind(), List.of(o), now, o.metadata().resourceVersion(), null);
        return frame(event.type(), Json.toBytes(table));
    }

    /** One object's JSON, made once while the object is alive (objects are immutable, so it never goes stale). */
    byte[] objectBytes(KubeObject object) {
        byte[] bytes = encoded.getIfPresent(object);
        if (bytes == null) {
            bytes = Json.toBytes(object);
            encoded.put(object, bytes);
        }
        return bytes;
    }

    private static ObjectNode bookmark(ResourceType type, String resourceVersion) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("kind", type.kind());
        o.put("apiVersion", type.apiVersion());
        o.putObject("metadata").put("resourceVersion", resourceVersion);
        return o;
    }

    /** The event without its trailing newline (a WebSocket message), or with it (a chunked line). */
    static byte[] frame(WatchEvent.Type type, byte[] object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(object.length + 32);
        out.writeBytes(("{\"type\":\"" + type.name() + "\",\"object\":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(object);
        out.write('}');
        out.writeBytes(NEWLINE);
        return out.toByteArray();
    }
}
