package io.htapsync.cli;

import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.util.ArrayList;
import java.util.List;

/** Renders tasks as an aligned text table: one row per task, stage and progress up front. */
final class TaskTable {
  private static final String[] HEADER = {"TASK", "SOURCE", "TARGET", "STATUS", "STAGE", "PROGRESS",
      "CATCH-UP"};
  private static final int MAX_CELL = 40;

  private TaskTable() {}

  static String render(List<StarRocksReplicationInfo> tasks) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (StarRocksReplicationInfo task : tasks) {
      rows.add(new String[] {cell(task.getTaskName()), cell(task.getSourceDatabase()),
          cell(task.getTargetDatabase()), cell(task.getStatus()), cell(task.getStage()),
          percent(task.getPercentage()), catchUp(task)});
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        boolean numeric = i == 5;
        String padded = numeric ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
        out.append(i == 0 ? "" : "  ").append(i == row.length - 1 ? padded.stripTrailing() : padded);
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String percent(NumericString value) {
    if (value == null) {
      return "-";
    }
    return value.toBigDecimal().map(d -> d.stripTrailingZeros().toPlainString() + "%")
        .orElse(cell(value.raw()));
  }

  private static String catchUp(StarRocksReplicationInfo task) {
    if (task.getCatchupStage() == null && task.getCatchupPercentage() == null) {
      return "-";
    }
    return cell(task.getCatchupStage()) + " " + percent(task.getCatchupPercentage());
  }

  /** Server text made safe for a terminal: no control characters, bounded width. */
  static String cell(String value) {
    return cell(value, MAX_CELL);
  }

  /** {@link #cell(String)} at most {@code max} characters wide. */
  static String cell(String value, int max) {
    if (value == null) {
      return "-";
    }
    StringBuilder safe = new StringBuilder();
    value.codePoints().limit(max).forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return value.codePointCount(0, value.length()) > max ? safe + "…" : safe.toString();
  }

  private static String pad(String text, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - text.length()));
    return right ? spaces + text : text + spaces;
  }
}
