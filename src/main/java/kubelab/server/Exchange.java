package kubelab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.meta.Status;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One HTTP request and its answer, as the API handlers see it: the parsed {@link RequestInfo},
 * the query, the body, and ways to answer with JSON, text or a Kubernetes {@code Status}. Every
 * answer is sent exactly once; {@link #code()} remembers it for the request metrics.
 *
 * <p>Real Kubernetes: the {@code http.ResponseWriter}/{@code *http.Request} pair of the handlers
 * in {@code k8s.io/apiserver/pkg/endpoints/handlers}, with {@code responsewriters.WriteObjectNegotiated}.
 */
final class Exchange {
    static final String JSON = "application/json";

    final Request request;
    final Response response;
    final Callback callback;
    final RequestInfo info;
    private final Fields query;
    private final List<String> warnings = new ArrayList<>();
    private int code;

    Exchange(Request request, Response response, Callback callback, RequestInfo info, Fields query) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.info = info;
        this.query = query;
    }

    /** A query parameter, or null. */
    String param(String name) {
        return query.getValue(name);
    }

    /** Every value of a repeated query parameter ({@code command=sh&command=-c}). */
    java.util.List<String> params(String name) {
        java.util.List<String> values = query.getValues(name);
        return values == null ? java.util.List.of() : values;
    }

    boolean flag(String name) {
        String v = param(name);
        return v != null && (v.equals("true") || v.equals("1"));
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    String accept() {
        return request.getHeaders().get(HttpHeader.ACCEPT);
    }

    String contentType() {
        return request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    }

    /** The request body (read once, blocking this request's thread). */
    byte[] body() {
        try (InputStream in = Content.Source.asInputStream(request)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    /** A {@code Warning: 299 - "..."} header on the answer, as kube-apiserver sends field warnings. */
    void warn(String text) {
        warnings.add(text);
    }

    int code() {
        return code;
    }

    /** A streamed answer (a watch) has begun with 200; its body follows piece by piece. */
    void streaming() {
        code = 200;
    }

    /** A streamed answer with another code (101: a WebSocket). */
    void streaming(int status) {
        code = status;
    }

    void sendJson(int status, Object value) {
        send(status, JSON, value instanceof byte[] b ? b : Json.toBytes(value));
    }

    void sendText(int status, String contentType, String text) {
        send(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    void send(int status, String contentType, byte[] body) {
        code = status;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        for (String w : warnings) {
            response.getHeaders().add("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\"");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Answers with the error's Status (kind Status, apiVersion v1), with its code. */
    void sendError(ApiException e) {
        sendJson(e.code(), statusDocument(e.status()));
    }

    /** A Status as it goes on the wire: with its kind and apiVersion. */
    static ObjectNode statusDocument(Status status) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("kind", "Status");
        doc.put("apiVersion", "v1");
        doc.putObject("metadata");
        JsonNode tree = Json.toTree(status);
        tree.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("kind") && !f.getKey().equals("apiVersion") && !f.getKey().equals("metadata")) {
                doc.set(f.getKey(), f.getValue());
            }
        });
        return doc;
    }
}
