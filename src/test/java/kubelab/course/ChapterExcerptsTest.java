package kubelab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@Tag("chapter1")
@DisplayName("The chapters quote the source as it is")
class ChapterExcerptsTest {
    private static final Pattern MARKER = Pattern.compile("<!-- excerpt: (\\S+)#(\\S+) -->");

    /** Every excerpt comment in every chapter, with the fenced block that follows it. */
    private static List<String[]> quotes() throws IOException {
        List<String[]> quotes = new ArrayList<>();
        try (Stream<Path> chapters = Files.list(Path.of("chapters"))) {
            for (Path chapter : chapters.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(chapter);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i));
                    if (!m.find()) {
                        continue;
                    }
                    int open = i + 1;
                    assertThat(lines.get(open)).as("%s:%d: a ``` block must follow the excerpt marker", chapter, open + 1)
                            .startsWith("```");
                    StringBuilder block = new StringBuilder();
                    int j = open + 1;
                    while (!lines.get(j).startsWith("```")) {
                        block.append(lines.get(j)).append('\n');
                        j++;
                    }
                    quotes.add(new String[] {chapter + ":" + (i + 1), m.group(1), m.group(2), block.toString()});
                }
            }
        }
        return quotes;
    }

    @TestFactory
    @DisplayName("each quoted block equals the tagged region of the source file it names")
    Stream<DynamicTest> quotesMatchSource() throws IOException {
        return quotes().stream().map(q -> DynamicTest.dynamicTest(q[0] + " quotes " + q[1] + "#" + q[2], () ->
                assertThat(q[3]).as("the chapter's copy drifted from the source (refresh it: java -cp target/classes kubelab.course.Excerpts chapters/*.md); the source says:%n%s",
                        Excerpts.cut(Path.of(q[1]), q[2])).isEqualTo(Excerpts.cut(Path.of(q[1]), q[2]))));
    }

    @Test
    @DisplayName("chapter 1 quotes the source at least four times")
    void chapterOneQuotes() throws IOException {
        assertThat(quotes()).filteredOn(q -> q[0].contains("01-")).hasSizeGreaterThanOrEqualTo(4);
    }
}
