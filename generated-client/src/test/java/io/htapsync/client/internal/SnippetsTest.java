package io.htapsync.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnippetsTest {
  @Test
  void printableUnicodeIsKeptAndWhatBreaksALineOrATerminalIsEscaped() {
    assertEquals("实例 😀 é", Snippets.excerpt("实例 😀 é", 100));
    assertEquals("a\\nb\\u0007\\u001b[0m\\u0085\\u2028\\u202e\\ufeff\\ud800",
        Snippets.excerpt("a\nb\u0007\u001b[0m\u0085\u2028\u202e\ufeff\ud800", 100));
  }

  @Test
  void identifiersEscapeEveryNonAsciiCharacterSoLookAlikesShow() {
    assertEquals("\\u0430bc\\u5b9e", Snippets.identifier("аbc实", 100));
  }

  @Test
  void theBoundCountsCharactersAndNeverSplitsAPair() {
    assertEquals("ab... (5 chars)", Snippets.excerpt("abcde", 2));
    assertEquals("a... (3 chars)", Snippets.excerpt("a😀", 2));
  }
}
