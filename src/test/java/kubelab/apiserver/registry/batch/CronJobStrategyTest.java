package kubelab.apiserver.registry.batch;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.batch.CronJob;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("chapter1")
class CronJobStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    private static final String HELLO = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: hello
              namespace: default
            spec:
              schedule: "* * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                      - name: hello
                        image: busybox:1.28
                        command: ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"]
                      restartPolicy: OnFailure
            """;

    @Test
    @DisplayName("a CronJob gets Kubernetes' defaults: Allow, not suspended, 3 successful and 1 failed Job kept")
    void defaults() {
        CronJob cj = server.create(yaml(HELLO, CronJob.class));

        assertThat(cj.spec().concurrencyPolicy()).isEqualTo("Allow");
        assertThat(cj.spec().suspend()).isFalse();
        assertThat(cj.spec().successfulJobsHistoryLimit()).isEqualTo(3);
        assertThat(cj.spec().failedJobsHistoryLimit()).isEqualTo(1);
        assertThat(cj.spec().jobTemplate().spec().template().spec().dnsPolicy()).isEqualTo("ClusterFirst");
        assertThat(cj.spec().jobTemplate().spec().backoffLimit()).as("Job defaults come with each Job").isNull();
    }

    @Test
    @DisplayName("a CronJob without a schedule is refused")
    void scheduleRequired() {
        CronJob cj = yaml(HELLO.replace("  schedule: \"* * * * *\"\n", ""), CronJob.class);

        ApiException e = refused(() -> server.create(cj));

        assertThat(causes(e)).containsExactly("spec.schedule: Required value");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("a schedule that is not 5 cron fields is refused with the cron parser's own words")
    @CsvSource(delimiter = '|', value = {
            "bad|expected exactly 5 fields, found 1: [bad]",
            "0 * * *|expected exactly 5 fields, found 4: [0 * * *]",
            "60 * * * *|end of range (60) above maximum (59): 60",
            "* 5-2 * * *|beginning of range (5) beyond end of range (2): 5-2",
            "* * 0 * *|beginning of range (0) below minimum (1): 0",
            "x * * * *|failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
            "@fortnightly|unrecognized descriptor: @fortnightly"})
    void badSchedule(String schedule, String problem) {
        CronJob cj = yaml(HELLO.replace("\"* * * * *\"", "\"" + schedule + "\""), CronJob.class);

        ApiException e = refused(() -> server.create(cj));

        assertThat(causes(e)).containsExactly("spec.schedule: Invalid value: \"" + schedule + "\": " + problem);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("standard schedules, names and descriptors are accepted")
    @CsvSource({"*/15 * * * *", "'0 0 1 jan,jul *'", "30 9 * * mon-fri", "@hourly", "@every 1h30m", "0 0 ? * SUN"})
    void goodSchedule(String schedule) {
        CronJob cj = server.create(yaml(HELLO.replace("\"* * * * *\"", "\"" + schedule + "\""), CronJob.class));

        assertThat(cj.spec().schedule()).isEqualTo(schedule);
    }

    @Test
    @DisplayName("a time zone belongs in timeZone, not in the schedule")
    void timeZoneInSchedule() {
        CronJob cj = yaml(HELLO.replace("\"* * * * *\"", "\"TZ=Europe/Berlin 0 * * * *\""), CronJob.class);

        ApiException e = refused(() -> server.create(cj));

        assertThat(causes(e)).containsExactly("spec.schedule: Invalid value: \"TZ=Europe/Berlin 0 * * * *\": "
                + "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
    }

    @Test
    @DisplayName("a CronJob name may have at most 52 characters: each Job adds an 11-character suffix")
    void nameLength() {
        String name = "a".repeat(53);
        CronJob cj = yaml(HELLO.replace("name: hello\n", "name: " + name + "\n"), CronJob.class);

        ApiException e = refused(() -> server.create(cj));

        assertThat(causes(e)).containsExactly("metadata.name: Invalid value: \"" + name + "\": must be no more than 52 characters");
    }
}
