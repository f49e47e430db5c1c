/**
 * KubeLab: a small, faithful Kubernetes in Java, made to be read, run and taken apart. The
 * package tree is the architecture: {@code api} (the objects), {@code store} (etcd),
 * {@code apiserver}, {@code client} (informers and work queues), {@code time} (the simulated
 * clock), {@code cli}; the course in {@code chapters/} and {@code notebooks/} walks through them.
 */
package kubelab;
