package io.htapsync.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown pipe table, columns padded so that it also reads well as plain text. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  Table(String... header) {
    this.columns = header.length;
    rows.add(header);
  }

  void row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    rows.add(cells);
  }

  String render() {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      line(out, rows.get(r), widths);
      if (r == 0) {
        String[] rule = new String[columns];
        for (int c = 0; c < columns; c++) {
          rule[c] = "-".repeat(widths[c]);
        }
        line(out, rule, widths);
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] widths) {
    out.append('|');
    for (int c = 0; c < cells.length; c++) {
      out.append(' ').append(cells[c]).append(" ".repeat(widths[c] - cells[c].length())).append(" |");
    }
    out.append('\n');
  }
}
