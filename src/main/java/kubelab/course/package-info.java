/**
 * Support for the course material: {@link kubelab.course.Excerpts} cuts the code the chapters quote
 * out of the running source, so text and code cannot drift apart.
 */
package kubelab.course;
