package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import kubelab.api.serialization.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

/** Every volume source of the API decodes, names its plugin, and encodes back unchanged. */
@Tag("chapter1")
class VolumeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hostPath             | {"path":"/mnt/data","type":"DirectoryOrCreate"}
            emptyDir             | {"medium":"Memory","sizeLimit":"64Mi"}
            gcePersistentDisk    | {"pdName":"my-disk","fsType":"ext4","partition":1}
            awsElasticBlockStore | {"volumeID":"vol-1","fsType":"ext4","readOnly":true}
            gitRepo              | {"repository":"https://example.com/repo.git","revision":"22f1d8","directory":"."}
            secret               | {"secretName":"dotfile-secret","items":[{"key":"k","path":"p","mode":256}],"defaultMode":420,"optional":true}
            nfs                  | {"server":"nfs.example.com","path":"/exports","readOnly":false}
            iscsi                | {"targetPortal":"10.0.2.15:3260","iqn":"iqn.2001-04.com.example:storage","lun":0,"portals":["10.0.2.16:3260"],"chapAuthSession":true,"secretRef":{"name":"chap"}}
            glusterfs            | {"endpoints":"glusterfs-cluster","path":"kube_vol","readOnly":true}
            persistentVolumeClaim| {"claimName":"task-pv-claim","readOnly":true}
            rbd                  | {"monitors":["10.16.154.78:6789"],"image":"foo","pool":"kube","user":"admin","secretRef":{"name":"ceph"}}
            flexVolume           | {"driver":"kubernetes.io/lvm","fsType":"ext4","options":{"volumeID":"vol1","size":"1000m"}}
            cinder               | {"volumeID":"bd82f7e2","fsType":"ext4"}
            cephfs               | {"monitors":["10.16.154.78:6789"],"path":"/","user":"admin","secretFile":"/etc/ceph/admin.secret"}
            flocker              | {"datasetName":"my-flocker-vol"}
            downwardAPI          | {"items":[{"path":"labels","fieldRef":{"fieldPath":"metadata.labels"}},{"path":"cpu_limit","resourceFieldRef":{"containerName":"c","resource":"limits.cpu","divisor":"1m"}}],"defaultMode":420}
            fc                   | {"targetWWNs":["500a0982991b8dc5"],"lun":2,"fsType":"ext4","readOnly":true}
            azureFile            | {"secretName":"azure-secret","shareName":"k8stest","readOnly":false}
            configMap            | {"name":"log-config","items":[{"key":"log_level","path":"log_level.conf"}],"optional":false}
            vsphereVolume        | {"volumePath":"[DatastoreName] volumes/myDisk","fsType":"ext4"}
            quobyte              | {"registry":"registry:7861","volume":"testVolume","readOnly":true,"user":"root","group":"root"}
            azureDisk            | {"diskName":"test.vhd","diskURI":"https://someaccount.blob.core.microsoft.net/vhds/test.vhd","cachingMode":"ReadWrite","kind":"Managed"}
            photonPersistentDisk | {"pdID":"some-pdid","fsType":"ext4"}
            projected            | {"sources":[{"secret":{"name":"mysecret","items":[{"key":"username","path":"my-group/my-username"}]}},{"downwardAPI":{"items":[{"path":"labels","fieldRef":{"fieldPath":"metadata.labels"}}]}},{"configMap":{"name":"myconfigmap"}},{"serviceAccountToken":{"audience":"api","expirationSeconds":3600,"path":"token"}}],"defaultMode":420}
            portworxVolume       | {"volumeID":"pxvol","fsType":"ext4"}
            scaleIO              | {"gateway":"https://localhost:443/api","system":"scaleio","secretRef":{"name":"sio-secret"},"volumeName":"vol-0","sslEnabled":false}
            storageos            | {"volumeName":"redis-vol01","volumeNamespace":"default","fsType":"ext4"}
            csi                  | {"driver":"inline.storage.kubernetes.io","readOnly":true,"volumeAttributes":{"foo":"bar"},"nodePublishSecretRef":{"name":"creds"}}
            ephemeral            | {"volumeClaimTemplate":{"metadata":{"labels":{"type":"scratch"}},"spec":{"accessModes":["ReadWriteOnce"],"storageClassName":"scratch-storage-class","resources":{"requests":{"storage":"1Gi"}}}}}
            image                | {"reference":"quay.io/crio/artifact:v2","pullPolicy":"IfNotPresent"}
            """)
    @DisplayName("each volume source decodes, names its plugin, and encodes back unchanged")
    void source(String source, String body) throws IOException {
        String json = "{\"name\":\"v\",\"" + source + "\":" + body + "}";
        JsonNode manifest = Json.mapper().readTree(json);

        Volume volume = Json.mapper().treeToValue(manifest, Volume.class);

        assertThat(volume.sourceType()).isEqualTo(source);
        assertThat(DocumentationManifestsTest.onTheWire(volume)).isEqualTo(manifest);
    }
}
