package kubelab.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("π as perl's bpi(N) prints it")
class PiDigitsTest {

    @Test
    @DisplayName("bpi(N) has N significant digits, rounded: bpi(5) is 3.1416 and bpi(10) is 3.141592654")
    void rounding() {
        assertThat(PiDigits.pi(1)).isEqualTo("3");
        assertThat(PiDigits.pi(5)).isEqualTo("3.1416");
        assertThat(PiDigits.pi(10)).isEqualTo("3.141592654");
    }

    @Test
    @DisplayName("bpi(1000) is π to 999 decimals, Feynman point included, last digit rounded")
    void thousandDigits() {
        String pi = PiDigits.pi(1000);

        assertThat(pi).hasSize(1001).startsWith("3.14159265358979323846264338327950288419716939937510");
        assertThat(pi.substring(763, 769)).isEqualTo("999999"); // the Feynman point: decimals 762 to 767
        // Decimals 990 to 1001 are 216420198938: cut after decimal 999, "...4201989" rounds up to "...420199".
        assertThat(pi).endsWith("909216420199");
    }
}
