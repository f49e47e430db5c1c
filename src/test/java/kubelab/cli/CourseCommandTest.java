package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("chapter1")
@DisplayName("kubelab course")
class CourseCommandTest {
    @TempDir
    Path home;

    @AfterEach
    void restore() {
        System.clearProperty("kubelab.home");
    }

    private void notebook(String name, String code) throws IOException {
        Files.createDirectories(home.resolve("notebooks"));
        String json = """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ["# A tiny chapter"]},
                  {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": [%s]}
                 ]}""".formatted(kubelab.api.serialization.Json.toJson(code));
        Files.writeString(home.resolve("notebooks").resolve(name), json);
    }

    @Test
    @DisplayName("course N prints the chapter's explanations, each cell's code, and what it printed")
    void runsTheNotebook() throws IOException {
        notebook("07-tiny.ipynb", "var loop = new SimulatedLoop(1);\nSystem.out.println(\"it is \" + loop.now());");
        System.setProperty("kubelab.home", home.toString());

        CliRun run = CliRun.of("course", "7");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("# A tiny chapter", "│ var loop = new SimulatedLoop(1);",
                "▸ it is 2026-01-01T00:00:00Z");
    }

    @Test
    @DisplayName("a failing cell stops the course with its error, and the exit code says so")
    void stopsAtAFailingCell() throws IOException {
        notebook("07-tiny.ipynb", "throw new IllegalStateException(\"broken on purpose\");");
        System.setProperty("kubelab.home", home.toString());

        CliRun run = CliRun.of("course", "7");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✗").contains("broken on purpose").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("a chapter without a notebook is named in a clear error")
    void missingChapter() {
        System.setProperty("kubelab.home", home.toString());

        CliRun run = CliRun.of("course", "9");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no notebook for chapter 9");
    }
}
