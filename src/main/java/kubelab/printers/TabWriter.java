package kubelab.printers;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated cells into columns the way kubectl's tab writer does: each column is as wide
 * as its widest cell plus a padding of 3 spaces, and never narrower than 6; the last cell of a line
 * is not padded, so lines carry no trailing spaces.
 *
 * <p>Widths count characters (Unicode code points), as Go counts runes. One simplification: every
 * line here has the same number of cells, so a column is one block from the first line to the
 * last, where Go's tab writer would also handle ragged lines.
 *
 * <p>Real Kubernetes: {@code GetNewTabWriter} in {@code k8s.io/cli-runtime/pkg/printers/tabwriter.go}
 * (minwidth 6, tabwidth 4, padding 3, pad character ' '), over Go's {@code text/tabwriter}.
 */
public final class TabWriter {

    static final int MIN_WIDTH = 6;
    static final int PADDING = 3;

    private TabWriter() {
    }

    /** The lines, aligned; each input line is a list of cells. */
    public static List<String> align(List<List<String>> lines) {
        int columns = lines.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[Math.max(0, columns - 1)]; // the last cell is not a column: no padding
        for (List<String> line : lines) {
            for (int c = 0; c < line.size() - 1; c++) {
                widths[c] = Math.max(widths[c], Math.max(MIN_WIDTH, width(line.get(c)) + PADDING));
            }
        }
        List<String> out = new ArrayList<>(lines.size());
        for (List<String> line : lines) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < line.size(); c++) {
                String cell = line.get(c);
                sb.append(cell);
                if (c < line.size() - 1) {
                    sb.append(" ".repeat(widths[c] - width(cell)));
                }
            }
            // Go would keep the padding before an empty last cell; a reader never sees it, so drop it.
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
