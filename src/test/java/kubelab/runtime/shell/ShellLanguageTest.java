package kubelab.runtime.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("the shell language: busybox ash's behaviour, step by step in virtual time")
class ShellLanguageTest {

    private final ShellFixture c = new ShellFixture();

    @Test
    @DisplayName("while true; do echo hello; sleep 10; done yields every 10 s with one line per iteration")
    void infiniteLoopYieldsEachSleep() {
        ShellProcess p = c.start("while true; do echo hello; sleep 10; done");

        for (int i = 1; i <= 3; i++) {
            assertThat(p.step()).isEqualTo(new Step.Sleeping(Duration.ofSeconds(10)));
            assertThat(c.output.lines()).hasSize(i);
        }
        assertThat(c.out()).isEqualTo("hello\nhello\nhello\n");
    }

    @Test
    @DisplayName("for i in 1 2 3 runs the body once per word")
    void forLoop() {
        c.run("for i in 1 2 3; do echo $i; done");

        assertThat(c.out()).isEqualTo("1\n2\n3\n");
    }

    @Test
    @DisplayName("$(...) inserts a command's output and $? is the last exit status")
    void commandSubstitutionAndStatus() {
        c.run("name=$(hostname); echo \"I am $name\"; false; echo $?; true; echo $?");

        assertThat(c.out()).isEqualTo("I am my-pod\n1\n0\n");
    }

    @Test
    @DisplayName("exit 3 ends the script with code 3 and runs nothing after it")
    void exitCode() {
        assertThat(c.run("echo before; exit 3; echo after")).isEqualTo(new Step.Exited(3));
        assertThat(c.out()).isEqualTo("before\n");
    }

    @Test
    @DisplayName("test -f /x || echo missing: the right side runs only when the left fails")
    void orList() {
        c.run("test -f /x || echo missing; [ -d /tmp ] && echo tmp is a directory");

        assertThat(c.out()).isEqualTo("missing\ntmp is a directory\n");
    }

    @Test
    @DisplayName("single quotes keep everything literal, double quotes expand variables and keep blanks")
    void quoting() {
        c.run("X='a   b'; echo '$X' \"$X\" $X; echo \"a\\\"b\" it\\'s");

        assertThat(c.out()).isEqualTo("$X a   b a b\na\"b it's\n");
    }

    @Test
    @DisplayName("> truncates the file and >> appends to it")
    void redirectionAppend() {
        c.run("echo one > /tmp/log; echo two >> /tmp/log; cat /tmp/log; echo three > /tmp/log; cat /tmp/log");

        assertThat(c.out()).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    @DisplayName("2>&1 sends errors where output goes; 2>/dev/null discards them")
    void stderrRedirections() {
        c.run("cat /nope > /tmp/out 2>&1; ls /nope 2>/dev/null || echo ls failed");

        assertThat(c.fs.read("/tmp/out")).isEqualTo("cat: can't open '/nope': No such file or directory\n");
        assertThat(c.out()).isEqualTo("ls failed\n");
        assertThat(c.err()).isEmpty();
    }

    @Test
    @DisplayName("an unknown command prints busybox's 'sh: foo: not found' and exits 127")
    void unknownCommand() {
        assertThat(c.run("foo --bar")).isEqualTo(new Step.Exited(127));
        assertThat(c.err()).isEqualTo("sh: foo: not found\n");
    }

    @Test
    @DisplayName("a loop that never sleeps does not hang: each step returns Busy after its work budget")
    void busyLoopYields() {
        ShellProcess p = c.start("while true; do :; done");

        assertThat(p.step()).isEqualTo(new Step.Busy());
        assertThat(p.step()).isEqualTo(new Step.Busy());
        assertThat(p.exited()).isFalse();
    }

    @Test
    @DisplayName("a counting loop with arithmetic finishes within one step")
    void countingLoop() {
        assertThat(c.run("i=0; while [ $i -lt 5 ]; do i=$((i + 1)); done; echo $i")).isEqualTo(new Step.Exited(0));
        assertThat(c.out()).isEqualTo("5\n");
    }

    @Test
    @DisplayName("until loops run while the condition fails; break leaves the loop")
    void untilAndBreak() {
        c.run("n=0; until [ $n -ge 3 ]; do n=$((n+1)); echo $n; done; "
                + "for x in a b c; do if [ $x = b ]; then break; fi; echo $x; done");

        assertThat(c.out()).isEqualTo("1\n2\n3\na\n");
    }

    @Test
    @DisplayName("if, elif and else pick the first branch whose condition succeeds")
    void ifElifElse() {
        c.run("""
                # comments are ignored
                v=2
                if [ $v -eq 1 ]; then
                  echo one
                elif [ $v -eq 2 ]; then
                  echo two
                else
                  echo other
                fi""");

        assertThat(c.out()).isEqualTo("two\n");
    }

    @Test
    @DisplayName("echo -n omits the newline, echo -e interprets escapes, printf formats %s %d %%")
    void echoAndPrintf() {
        c.run("echo -n a; echo -e 'b\\tc'; printf '%s is %d%%\\n' disk 42");

        assertThat(c.out()).isEqualTo("ab\tc\ndisk is 42%\n");
    }

    @Test
    @DisplayName("sleep takes decimals and s, m, h suffixes, and several arguments add up")
    void sleepUnits() {
        ShellProcess p = c.start("sleep 0.5; sleep 2m; sleep 1h 30m");

        assertThat(p.step()).isEqualTo(new Step.Sleeping(Duration.ofMillis(500)));
        assertThat(p.step()).isEqualTo(new Step.Sleeping(Duration.ofMinutes(2)));
        assertThat(p.step()).isEqualTo(new Step.Sleeping(Duration.ofMinutes(90)));
        assertThat(p.step()).isEqualTo(new Step.Exited(0));
    }

    @Test
    @DisplayName("a sleep inside $(...) pauses the whole script, which resumes where it was")
    void sleepInsideSubstitution() {
        ShellProcess p = c.start("echo \"got $(sleep 5; echo late)\"");

        assertThat(p.step()).isEqualTo(new Step.Sleeping(Duration.ofSeconds(5)));
        assertThat(c.out()).isEmpty();
        assertThat(p.step()).isEqualTo(new Step.Exited(0));
        assertThat(c.out()).isEqualTo("got late\n");
    }

    @Test
    @DisplayName("export makes a variable visible to env; ${X:-default} fills in unset variables")
    void exportAndDefaults() {
        c.run("export GREETING=hi; LOCAL=x; echo ${MISSING:-none} ${GREETING}; env | grep GREETING; env | grep -c LOCAL");

        assertThat(c.out()).isEqualTo("none hi\nGREETING=hi\n0\n");
    }

    @Test
    @DisplayName("files: mkdir -p, touch, ls, rm -r, and cd with relative paths")
    void fileCommands() {
        c.run("mkdir -p /data/a/b && cd /data && touch a/b/f z && ls; ls a/b; rm -r a; ls; pwd");

        assertThat(c.out()).isEqualTo("a\nz\nf\nz\n/data\n");
    }

    @Test
    @DisplayName("writing into a missing directory fails as ash does: 'nonexistent directory'")
    void redirectionIntoMissingDirectory() {
        assertThat(c.run("echo hi > /nope/file")).isEqualTo(new Step.Exited(2));
        assertThat(c.err()).isEqualTo("sh: can't create /nope/file: nonexistent directory\n");
    }

    @Test
    @DisplayName("a script that does not parse is a syntax error with exit code 2")
    void syntaxError() {
        assertThat(c.run("while true; do echo x")).isEqualTo(new Step.Exited(2));
        assertThat(c.err()).startsWith("sh: syntax error: ");
    }

    @Test
    @DisplayName("pipelines feed one command's output to the next: head, tail, wc -l")
    void pipelines() {
        c.run("printf 'a\\nb\\nc\\n' > /tmp/f; cat /tmp/f | head -n 2 | tail -n 1; wc -l < /tmp/f; ! grep -q z /tmp/f && echo no z");

        assertThat(c.out()).isEqualTo("b\n3\nno z\n");
    }

    @Test
    @DisplayName("an unquoted * matches the file names of a directory; quoted, it stays a star")
    void globbing() {
        c.fs.mkdir("/etc/config", true);
        c.fs.write("/etc/config/b.conf", "B\n");
        c.fs.write("/etc/config/a.conf", "A\n");

        c.run("cat /etc/config/*.conf; echo '/etc/config/*'; echo /etc/none/*");

        assertThat(c.out()).isEqualTo("A\nB\n/etc/config/*\n/etc/none/*\n");
    }

    @Test
    @DisplayName("exec sleep 60 sleeps, then the script ends without running what follows")
    void execReplacesTheShell() {
        ShellProcess p = c.start("exec sleep 60; echo never");

        assertThat(p.step()).isEqualTo(new Step.Sleeping(Duration.ofSeconds(60)));
        assertThat(p.step()).isEqualTo(new Step.Exited(0));
        assertThat(c.out()).isEmpty();
    }

    @Test
    @DisplayName("VAR=value cmd sets the variable for that command only")
    void prefixAssignment() {
        c.run("GREETING=hello env | grep GREETING; echo \"after: ${GREETING:-unset}\"");

        assertThat(c.out()).isEqualTo("GREETING=hello\nafter: unset\n");
    }

    @Test
    @DisplayName("continue skips to the next iteration; break outside a loop does nothing")
    void continueAndStrayBreak() {
        c.run("for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done; break; echo still here");

        assertThat(c.out()).isEqualTo("1\n3\nstill here\n");
    }

    @Test
    @DisplayName("a redirection on a loop sends all of its output to the file")
    void redirectedLoop() {
        c.run("for i in a b; do echo $i; done > /tmp/loop.log; cat /tmp/loop.log");

        assertThat(c.out()).isEqualTo("a\nb\n");
    }

    @Test
    @DisplayName("a ) inside quotes does not end a $(...), and a backslash-newline continues the line")
    void substitutionWithQuotedParenthesis() {
        c.run("echo $(echo \"a)\") \\\n  b");

        assertThat(c.out()).isEqualTo("a) b\n");
    }

    @Test
    @DisplayName("sh -c script name args: $0 is the name, \"$@\" keeps each argument whole")
    void positionalParameters() {
        Shell.start(java.util.List.of("sh", "-c", "echo $0 $#; for a in \"$@\"; do echo \"[$a]\"; done; for a; do echo $a; done",
                "demo", "one two", "three"), c.context(java.util.Map.of())).step();

        assertThat(c.out()).isEqualTo("demo 2\n[one two]\n[three]\none two\nthree\n");
    }

    @Test
    @DisplayName("trap records the action for a signal, so the runtime can tell whether SIGTERM is handled")
    void trapIsRecorded() {
        ShellProcess p = c.start("trap 'echo bye; exit 0' SIGTERM; sleep 3600");

        p.step();

        assertThat(p.traps()).containsEntry("TERM", "echo bye; exit 0");
    }
}
