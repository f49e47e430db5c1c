package kubelab.cluster;

import java.util.List;

/**
 * Left-aligned text columns, three spaces apart, the last column unpadded: the layout of
 * kubectl's tables, for the timeline.
 *
 * <p>Real Kubernetes: {@code text/tabwriter} as kubectl's printers configure it.
 */
final class Columns {
    private Columns() {
    }

    static String render(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 3));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
