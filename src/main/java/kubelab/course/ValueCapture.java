package kubelab.course;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution engine, keeping the object each snippet evaluated to, not only the
 * text JShell makes of it: the notebook kernel shows a cell's value by its type (a diagram as a
 * picture), which needs the object itself.
 *
 * <p>JShell runs a snippet by calling its generated {@code do_it$} method on a thread of its own,
 * which it can stop. This control hands JShell {@link #call()} to run instead, on that same thread,
 * and {@code call} runs the snippet and keeps its result; stopping and exceptions work unchanged.
 * One snippet runs at a time per JVM (the runner already redirects {@code System.out} for the
 * whole JVM), so the snippet in flight sits in a static field.
 *
 * <p>Real Kubernetes: none; course tooling. IJava keeps values the same way, in its own control.
 */
public final class ValueCapture extends LocalExecutionControl {
    private static final Method CALL;
    private static final Object ONE_AT_A_TIME = new Object();
    private static volatile Method inFlight;
    private static volatile Object result;

    static {
        try {
            CALL = ValueCapture.class.getMethod("call");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Object last;

    /** The provider for {@code JShell.builder().executionEngine(...)}. */
    static ExecutionControlProvider provider(ValueCapture[] created) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "kubelab-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                created[0] = new ValueCapture();
                return created[0];
            }
        };
    }

    /** The object the last snippet evaluated to (null if none, or if it was null), forgotten once taken. */
    Object take() {
        Object value = last;
        last = null;
        return value;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        synchronized (ONE_AT_A_TIME) {
            inFlight = doit;
            result = null;
            try {
                String text = super.invoke(CALL);
                last = result;
                return text;
            } finally {
                inFlight = null;
                result = null;
            }
        }
    }

    /** Runs the snippet in flight on JShell's execution thread; public because JShell calls it by reflection. */
    public static Object call() throws Throwable {
        try {
            Object value = inFlight.invoke(null);
            result = value;
            return value;
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the snippet's own exception, as if JShell had called it directly
        }
    }
}
