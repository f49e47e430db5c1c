package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.resource.Quantity;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PersistentVolumes and claims read and print as Kubernetes does, whichever volume source backs them. */
@Tag("chapter1")
class PersistentVolumeTest {

    @Test
    @DisplayName("the documentation's task-pv-volume is a 10Gi ReadWriteOnce hostPath volume of class manual")
    void documentationVolume() {
        PersistentVolume pv = ExampleManifests.assertRoundTrips(
                ExampleManifests.ofKind("v1", "PersistentVolume").get(0).tree(), PersistentVolume.class);

        assertThat(pv.name()).isEqualTo("task-pv-volume");
        assertThat(pv.spec().capacity().get("storage")).hasToString("10Gi");
        assertThat(pv.spec().accessModes()).containsExactly(PersistentVolumeAccessMode.READ_WRITE_ONCE);
        assertThat(pv.spec().hostPath().path()).isEqualTo("/mnt/data");
        assertThat(pv.spec().storageClassName()).isEqualTo("manual");
        assertThat(pv.status()).as("status is the controller's to write").isNull();
    }

    @Test
    @DisplayName("a volume built in Java prints like the documentation's pv-volume.yaml")
    void prints() {
        PersistentVolume pv = PersistentVolume.of("task-pv-volume", PersistentVolumeSpec.hostPath("/mnt/data",
                Quantity.parse("10Gi"), List.of(PersistentVolumeAccessMode.READ_WRITE_ONCE), "manual"));

        assertThat(Json.toYaml(pv)).isEqualTo("""
                apiVersion: v1
                kind: PersistentVolume
                metadata:
                  name: task-pv-volume
                spec:
                  capacity:
                    storage: 10Gi
                  hostPath:
                    path: /mnt/data
                  accessModes:
                  - ReadWriteOnce
                  storageClassName: manual
                """);
    }

    @Test
    @DisplayName("a bound CSI volume keeps its driver, handle, secrets, node affinity, claim and phase")
    void csiVolume() {
        PersistentVolume pv = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: PersistentVolume
                metadata:
                  name: pvc-3f6a
                  annotations: {pv.kubernetes.io/provisioned-by: hostpath.csi.k8s.io}
                  finalizers: [kubernetes.io/pv-protection]
                spec:
                  accessModes: [ReadWriteOnce]
                  capacity: {storage: 1Gi}
                  claimRef: {apiVersion: v1, kind: PersistentVolumeClaim, name: www-web-0, namespace: default,
                    uid: 3f6a0000-0000-4000-8000-000000000000, resourceVersion: "1021"}
                  csi:
                    driver: hostpath.csi.k8s.io
                    volumeHandle: 7c1e-4a2b
                    fsType: ext4
                    volumeAttributes: {kind: file, storage.kubernetes.io/csiProvisionerIdentity: 1700000000-hostpath}
                    nodePublishSecretRef: {name: publish-secret, namespace: kube-system}
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                      - matchExpressions:
                        - {key: topology.hostpath.csi/node, operator: In, values: [node-1]}
                  persistentVolumeReclaimPolicy: Delete
                  storageClassName: csi-hostpath-sc
                  volumeMode: Filesystem
                status:
                  phase: Bound
                  lastPhaseTransitionTime: "2026-01-01T00:00:03Z"
                """), PersistentVolume.class);

        assertThat(pv.spec().csi().driver()).isEqualTo("hostpath.csi.k8s.io");
        assertThat(pv.spec().csi().nodePublishSecretRef()).isEqualTo(new SecretReference("publish-secret", "kube-system"));
        assertThat(pv.spec().claimRef().name()).isEqualTo("www-web-0");
        assertThat(pv.spec().nodeAffinity().required().nodeSelectorTerms()).hasSize(1);
        assertThat(pv.status().phase()).isEqualTo(PersistentVolumePhase.BOUND);
    }

    @Test
    @DisplayName("a local volume and in-tree network volumes read into their own source records")
    void otherSources() {
        PersistentVolume local = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: local-pv}
                spec:
                  capacity: {storage: 100Gi}
                  volumeMode: Block
                  accessModes: [ReadWriteOnce]
                  persistentVolumeReclaimPolicy: Retain
                  storageClassName: local-storage
                  local: {path: /mnt/disks/ssd1, fsType: xfs}
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                      - matchExpressions:
                        - {key: kubernetes.io/hostname, operator: In, values: [example-node]}
                """), PersistentVolume.class);
        PersistentVolume nfs = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: nfs-pv}
                spec:
                  capacity: {storage: 5Gi}
                  accessModes: [ReadWriteMany]
                  mountOptions: [hard, nfsvers=4.1]
                  nfs: {server: 172.17.0.2, path: /tmp, readOnly: false}
                """), PersistentVolume.class);
        PersistentVolume iscsi = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: iscsi-pv}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                  iscsi:
                    targetPortal: 10.0.2.15:3260
                    portals: ['10.0.2.16:3260']
                    iqn: iqn.2001-04.com.example:storage.kube.sys1.xyz
                    lun: 0
                    chapAuthSession: true
                    secretRef: {name: chap-secret, namespace: default}
                """), PersistentVolume.class);

        assertThat(local.spec().local().path()).isEqualTo("/mnt/disks/ssd1");
        assertThat(local.spec().volumeMode()).isEqualTo(PersistentVolumeMode.BLOCK);
        assertThat(nfs.spec().nfs().server()).isEqualTo("172.17.0.2");
        assertThat(nfs.spec().mountOptions()).containsExactly("hard", "nfsvers=4.1");
        assertThat(iscsi.spec().iscsi().secretRef().namespace()).isEqualTo("default");
        assertThat(iscsi.spec().iscsi().lun()).isZero();
    }

    @Test
    @DisplayName("binding sets the volume's claimRef without touching the original")
    void withClaimRef() {
        PersistentVolumeSpec spec = PersistentVolumeSpec.hostPath("/mnt/data", Quantity.parse("10Gi"),
                List.of(PersistentVolumeAccessMode.READ_WRITE_ONCE), "manual");
        ObjectReference claim = new ObjectReference("PersistentVolumeClaim", "default", "task-pv-claim", "u1", "v1",
                null, null);

        PersistentVolumeSpec bound = spec.withClaimRef(claim);

        assertThat(bound.claimRef()).isEqualTo(claim);
        assertThat(bound.hostPath()).isEqualTo(spec.hostPath());
        assertThat(spec.claimRef()).isNull();
    }

    @Test
    @DisplayName("a bound claim reports the volume's capacity, which may exceed the request, and its conditions")
    void boundClaim() {
        PersistentVolumeClaim pvc = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: task-pv-claim, namespace: default}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 3Gi}}
                  storageClassName: manual
                  volumeMode: Filesystem
                  volumeName: task-pv-volume
                status:
                  phase: Bound
                  accessModes: [ReadWriteOnce]
                  capacity: {storage: 10Gi}
                  allocatedResources: {storage: 10Gi}
                  allocatedResourceStatuses: {storage: NodeResizePending}
                  conditions:
                  - {type: FileSystemResizePending, status: "True",
                     lastTransitionTime: "2026-01-01T00:00:09Z", message: waiting for the node}
                """), PersistentVolumeClaim.class);

        assertThat(pvc.spec().volumeName()).isEqualTo("task-pv-volume");
        assertThat(pvc.status().phase()).isEqualTo(PersistentVolumeClaimPhase.BOUND);
        assertThat(pvc.status().capacity().get("storage")).hasToString("10Gi");
        assertThat(pvc.status().conditions().get(0).type())
                .isEqualTo(PersistentVolumeClaimCondition.FILE_SYSTEM_RESIZE_PENDING);
        assertThat(PersistentVolumeClaimStatus.phase(PersistentVolumeClaimPhase.PENDING).capacity()).isEmpty();
    }
}
