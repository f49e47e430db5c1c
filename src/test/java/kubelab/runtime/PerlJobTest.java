package kubelab.runtime;

import static kubelab.runtime.RuntimeFixture.container;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import kubelab.runtime.cri.ContainerState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("the Job example's perl prints π")
class PerlJobTest {

    @Test
    @DisplayName("perl -Mbignum=bpi -wle \"print bpi(2000)\" prints 2000 significant digits of π, then exits 0")
    void piDigits() {
        RuntimeFixture f = new RuntimeFixture();
        String id = f.run("pi", container("pi", "perl",
                List.of("perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"), List.of()));

        f.loop.advance(Duration.ofSeconds(5));

        assertThat(f.runtime.containerStatus(id).state()).isEqualTo(ContainerState.CONTAINER_EXITED);
        assertThat(f.runtime.containerStatus(id).reason()).isEqualTo("Completed");
        String pi = f.stdout(id);
        assertThat(pi).startsWith("3.14159265358979323846").hasSize(2001);
    }
}
