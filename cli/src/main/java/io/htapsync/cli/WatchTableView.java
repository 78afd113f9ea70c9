package io.htapsync.cli;

import io.htapsync.client.sync.SyncEvent;
import io.htapsync.client.sync.SyncListener;
import io.htapsync.client.sync.SyncSnapshot;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * {@code watch --output table}: after every good poll a frame (time, how many tasks are synced, the
 * task table); after a failed one the last frame again with a line saying so, so an operator sees
 * both that the data is old and from when. On a terminal each frame replaces the one before.
 */
final class WatchTableView implements SyncListener {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
      .withZone(ZoneId.systemDefault());
  /** Room for a gateway's message, not for a whole HTML page. */
  private static final int MAX_ERROR = 160;

  private final PrintWriter out;
  private final String instanceId;
  private final boolean redrawInPlace;
  private String lastFrame;
  private Instant lastData;
  private int linesDrawn;

  WatchTableView(PrintWriter out, String instanceId, boolean redrawInPlace) {
    this.out = out;
    this.instanceId = instanceId;
    this.redrawInPlace = redrawInPlace;
  }

  @Override
  public void onSnapshot(SyncSnapshot snapshot) {
    lastData = snapshot.time();
    lastFrame = CLOCK.format(snapshot.time()) + "  " + instanceId + "  " + snapshot.syncedCount() + " of "
        + snapshot.tasks().size() + " tasks synced\n" + TaskTable.render(snapshot.tasks());
    draw(lastFrame);
  }

  @Override
  public void onEvent(SyncEvent event) {
    if (event.type() != SyncEvent.Type.POLL_FAILED) {
      return; // the next frame shows every change
    }
    String failure = "last poll failed: " + TaskTable.cell(ErrorReporter.oneLine(event.error()), MAX_ERROR) + "; "
        + (lastData == null ? "no data yet" : "showing data from " + CLOCK.format(lastData)) + "; retrying\n";
    // On a terminal the last frame stays on screen with the failure under it; piped, the line alone.
    draw(redrawInPlace && lastFrame != null ? lastFrame + failure : failure);
  }

  private void draw(String frame) {
    if (redrawInPlace && linesDrawn > 0) {
      out.print("\033[" + linesDrawn + "A\033[J"); // cursor up over the last frame, clear below
    } else if (linesDrawn > 0) {
      out.println();
    }
    out.print(frame);
    out.flush();
    linesDrawn = (int) frame.chars().filter(c -> c == '\n').count();
  }
}
