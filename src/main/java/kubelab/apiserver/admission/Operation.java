package kubelab.apiserver.admission;

/** The kind of write being admitted. Real Kubernetes: {@code admission.Operation}. */
public enum Operation { CREATE, UPDATE, DELETE, CONNECT }
