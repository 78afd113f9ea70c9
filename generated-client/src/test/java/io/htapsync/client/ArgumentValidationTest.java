package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile or mistaken arguments fail with a message naming the argument, and nothing is sent. */
class ArgumentValidationTest extends ClientTestSupport {

  static Stream<Arguments> badCalls() {
    return Stream.of(
        Arguments.of("null id", null, 0, 10, "instanceId must not be null"),
        Arguments.of("blank id", "   ", 0, 10, "instanceId must not be blank"),
        Arguments.of("slash", "abc/def", 0, 10, "found '/' at index 3"),
        Arguments.of("dot dot", "..", 0, 10, "found '.' at index 0"),
        Arguments.of("traversal", "../../v3/x", 0, 10, "instanceId must contain only"),
        Arguments.of("encoded slash", "abc%2Fdef", 0, 10, "'%' (IDs are never percent-encoded)"),
        Arguments.of("newline", "abc\ndef", 0, 10, "whitespace \\n"),
        Arguments.of("control char", "abc\u0000def", 0, 10, "a control character \\u0000"),
        Arguments.of("space", INSTANCE + " ", 0, 10, "whitespace"),
        Arguments.of("unicode", "实例in07", 0, 10, "'\\u5b9e' at index 0"),
        Arguments.of("10,000 chars", "a".repeat(10_000), 0, 10, "instanceId is 10000 chars long"),
        Arguments.of("35 chars", INSTANCE.substring(1), 0, 10, "instanceId is 35 chars long"),
        Arguments.of("37 chars", INSTANCE + "7", 0, 10, "instanceId is 37 chars long"),
        Arguments.of("limit 0", INSTANCE, 0, 0, "limit must be 1..100, got 0"),
        Arguments.of("limit 101", INSTANCE, 0, 101, "limit must be 1..100, got 101"),
        Arguments.of("limit -1", INSTANCE, 0, -1, "limit must be 1..100, got -1"),
        Arguments.of("offset -1", INSTANCE, -1, 10, "offset must be >= 0, got -1"),
        Arguments.of("offset max", INSTANCE, Integer.MAX_VALUE, 10, "exceeds the largest record index"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void rejectedBeforeSending(String why, String instanceId, int offset, int limit, String expected) {
    StarRocksReplicationClient client = client();
    IllegalArgumentException sync = assertThrows(IllegalArgumentException.class,
        () -> client.listReplications(instanceId, offset, limit));
    assertTrue(sync.getMessage().contains(expected), sync.getMessage());
    assertFalse(sync.getMessage().contains("\n"), "one line: " + sync.getMessage());
    assertTrue(sync.getMessage().length() < 300, "bounded: " + sync.getMessage().length());
    assertThrows(IllegalArgumentException.class, () -> client.listReplicationsAsync(instanceId, offset, limit));
    assertEquals(0, server.getRequestCount(), "nothing was sent");
  }

  static Stream<Arguments> badIds() {
    return badCalls().filter(call -> !INSTANCE.equals(call.get()[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badIds")
  void streamsRejectBadIdsBeforeSending(String why, String instanceId, int offset, int limit, String expected) {
    assertThrows(IllegalArgumentException.class, () -> client().streamReplications(instanceId));
    assertThrows(IllegalArgumentException.class, () -> client().iterateReplications(instanceId));
    assertEquals(0, server.getRequestCount());
  }
}
