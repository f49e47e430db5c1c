package kubelab.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class AuditLogTest {
    private static AuditEvent event(AuditLog log, String name) {
        return new AuditEvent(null, null, null, log.nextAuditID(), AuditEvent.RESPONSE_COMPLETE,
                "/api/v1/namespaces/default/configmaps/" + name, "get", null,
                new AuditEvent.ObjectRef("configmaps", "default", name, null, "v1", null),
                new AuditEvent.ResponseStatus(200, null, null, null), Instant.EPOCH, Instant.EPOCH, Map.of());
    }

    @Test
    @DisplayName("the audit log keeps only the newest requests, up to its capacity")
    void bounded() {
        AuditLog log = new AuditLog(() -> Instant.EPOCH, 3);
        for (String name : new String[] {"a", "b", "c", "d", "e"}) {
            log.add(event(log, name));
        }
        assertThat(log.events()).extracting(e -> e.objectRef().name()).containsExactly("c", "d", "e");
        assertThat(log.dropped()).isEqualTo(2);
        assertThat(log.last().auditID()).isEqualTo("00000000-0000-0000-0000-000000000005");
    }

    @Test
    @DisplayName("an audit event serializes with audit.k8s.io/v1's field names")
    void json() throws Exception {
        AuditLog log = new AuditLog(() -> Instant.EPOCH, 3);
        String json = kubelab.api.serialization.Json.mapper().writeValueAsString(event(log, "settings"));
        assertThat(json).contains("\"apiVersion\":\"audit.k8s.io/v1\"", "\"kind\":\"Event\"", "\"level\":\"Metadata\"",
                "\"stage\":\"ResponseComplete\"", "\"objectRef\":{\"resource\":\"configmaps\",\"namespace\":\"default\"",
                "\"responseStatus\":{\"code\":200}");
    }
}
