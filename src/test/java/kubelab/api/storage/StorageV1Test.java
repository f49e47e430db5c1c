package kubelab.api.storage;

import static kubelab.api.core.ExampleManifests.patchStrategy;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.ExampleManifests;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** StorageClasses and the CSI objects read and print as Kubernetes does. */
@Tag("chapter1")
class StorageV1Test {

    @Test
    @DisplayName("the documentation's local-storage class has no provisioner and waits for the first consumer")
    void documentationStorageClass() {
        StorageClass sc = ExampleManifests.assertRoundTrips(
                ExampleManifests.ofKind("storage.k8s.io/v1", "StorageClass").get(0).tree(), StorageClass.class);

        assertThat(sc.provisioner()).isEqualTo(StorageClass.NO_PROVISIONER);
        assertThat(sc.volumeBindingMode()).isEqualTo(VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER);
        assertThat(sc.isDefault()).isFalse();
    }

    @Test
    @DisplayName("a default class keeps its parameters, policies and allowed topologies, all at the top level")
    void fullStorageClass() {
        StorageClass sc = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: standard
                  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                provisioner: hostpath.csi.k8s.io
                parameters: {type: pd-standard, csi.storage.k8s.io/fstype: ext4}
                reclaimPolicy: Retain
                allowVolumeExpansion: true
                mountOptions: [debug]
                volumeBindingMode: Immediate
                allowedTopologies:
                - matchLabelExpressions:
                  - key: topology.kubernetes.io/zone
                    values: [us-central-1a, us-central-1b]
                """), StorageClass.class);

        assertThat(sc.isDefault()).isTrue();
        assertThat(sc.parameters()).containsKeys("type", "csi.storage.k8s.io/fstype");
        assertThat(sc.allowedTopologies().get(0).matchLabelExpressions().get(0).values())
                .containsExactly("us-central-1a", "us-central-1b");
        assertThat(Json.toTree(sc).has("spec")).as("StorageClass has no spec").isFalse();
    }

    @Test
    @DisplayName("a CSIDriver and a CSINode describe a driver cluster-wide and on one node")
    void csiDriverAndNode() {
        CSIDriver driver = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: storage.k8s.io/v1
                kind: CSIDriver
                metadata: {name: hostpath.csi.k8s.io}
                spec:
                  attachRequired: false
                  podInfoOnMount: true
                  volumeLifecycleModes: [Persistent, Ephemeral]
                  storageCapacity: true
                  fsGroupPolicy: File
                  requiresRepublish: false
                  seLinuxMount: true
                  tokenRequests: [{audience: vault, expirationSeconds: 3600}]
                """), CSIDriver.class);
        CSINode node = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: storage.k8s.io/v1
                kind: CSINode
                metadata: {name: node-1}
                spec:
                  drivers:
                  - name: hostpath.csi.k8s.io
                    nodeID: node-1
                    topologyKeys: [topology.hostpath.csi/node]
                    allocatable: {count: 16}
                """), CSINode.class);

        assertThat(driver.spec().volumeLifecycleModes()).containsExactly(CSIDriverSpec.PERSISTENT, CSIDriverSpec.EPHEMERAL);
        assertThat(driver.spec().tokenRequests().get(0).expirationSeconds()).isEqualTo(3600L);
        assertThat(node.spec().drivers().get(0).allocatable().count()).isEqualTo(16);
    }

    @Test
    @DisplayName("a VolumeAttachment names attacher, volume and node, and reports the attach result")
    void volumeAttachment() {
        VolumeAttachment va = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: storage.k8s.io/v1
                kind: VolumeAttachment
                metadata: {name: csi-0f1e2d3c4b5a}
                spec:
                  attacher: pd.csi.storage.gke.io
                  nodeName: node-1
                  source: {persistentVolumeName: pvc-3f6a}
                status:
                  attached: true
                  attachmentMetadata: {devicePath: /dev/sdb}
                  detachError: {time: "2026-01-01T00:00:07Z", message: "rpc error: timeout", errorCode: 4}
                """), VolumeAttachment.class);
        VolumeAttachment inline = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: storage.k8s.io/v1
                kind: VolumeAttachment
                metadata: {name: csi-migrated}
                spec:
                  attacher: ebs.csi.aws.com
                  nodeName: node-2
                  source:
                    inlineVolumeSpec:
                      accessModes: [ReadWriteOnce]
                      csi: {driver: ebs.csi.aws.com, volumeHandle: vol-0123, fsType: ext4}
                """), VolumeAttachment.class);

        assertThat(va.status().attached()).isTrue();
        assertThat(va.status().attachmentMetadata()).containsEntry("devicePath", "/dev/sdb");
        assertThat(va.status().detachError().errorCode()).isEqualTo(4);
        assertThat(inline.spec().source().inlineVolumeSpec().csi().volumeHandle()).isEqualTo("vol-0123");
        assertThat(VolumeAttachmentSpec.of("pd.csi.storage.gke.io", "pvc-3f6a", "node-1"))
                .isEqualTo(va.spec());
    }

    @Test
    @DisplayName("a CSINode's drivers merge by name, so each driver's registration patches only its own entry")
    void patchStrategies() {
        assertThat(patchStrategy(CSINodeSpec.class, "drivers")).isEqualTo("merge/name");
        assertThat(patchStrategy(StorageClass.class, "allowedTopologies")).isEmpty();
    }

    @Test
    @DisplayName("sc names storageclasses; all four storage kinds are cluster-wide, and only volumeattachments has status")
    void registration() {
        Scheme scheme = new Scheme(StorageV1.resourceTypes());

        assertThat(scheme.byName("sc")).map(ResourceType::kind).contains("StorageClass");
        assertThat(scheme.byName("csinode")).map(ResourceType::kind).contains("CSINode");
        assertThat(StorageV1.resourceTypes()).noneMatch(ResourceType::namespaced);
        assertThat(StorageV1.resourceTypes()).filteredOn(ResourceType::hasStatus).extracting(ResourceType::plural)
                .containsExactly("volumeattachments");
    }
}
