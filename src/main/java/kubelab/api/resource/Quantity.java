package kubelab.api.resource;

/** PLACEHOLDER, replaced by the quantity helper: a fixed-point number such as 500m or 128Mi. */
public final class Quantity {
    private final String text;

    private Quantity(String text) {
        this.text = text;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Quantity parse(String text) {
        return new Quantity(text);
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return text;
    }
}
