/**
 * Time and execution: the {@link kubelab.time.Clock} components read, and the
 * {@link kubelab.time.EventLoop} every component runs on, in two flavours.
 *
 * <p>{@link kubelab.time.SimulatedLoop} is what tests and notebooks use. Its clock is virtual: it
 * stands still while tasks run and jumps to the next timer when the loop is driven. A node that
 * stops heartbeating is evicted after five minutes in Kubernetes; here {@code settle()} or
 * {@code advance(Duration.ofMinutes(5))} gets there at once, paying only for the tasks that the
 * five minutes contain. With one thread and a seeded random source the run is a pure function of
 * the seed and the calls made, so a test never sleeps, never races, and fails the same way every
 * time. {@link kubelab.time.RealTimeLoop} runs the same components against the wall clock, for
 * {@code kubelab serve}.
 *
 * <p>Components receive an {@code EventLoop}; they never start threads or read the system clock.
 * That single seam is what lets one code base be both a live cluster and a reproducible experiment.
 */
package kubelab.time;
