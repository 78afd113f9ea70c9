package io.htapsync.cli;

/** How {@code list} prints tasks. Lower-case names so that {@code --output json} reads naturally. */
enum OutputFormat {
  table,
  json
}
