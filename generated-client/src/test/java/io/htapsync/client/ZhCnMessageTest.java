package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.ClientErrorException;
import org.junit.jupiter.api.Test;

/** The service's zh-cn error messages reach the caller as the service wrote them. */
class ZhCnMessageTest extends ClientTestSupport {
  private static final String MESSAGE = "实例不存在，请检查实例ID。";

  @Test
  void aZhCnErrorMessageRoundTrips() throws Exception {
    server.enqueue(json(400, "{\"error_code\":\"DBS.200022\",\"error_msg\":\"" + MESSAGE + "\"}"));
    StarRocksReplicationClient client = track(builder().language(Language.ZH_CN).build());
    ClientErrorException e = assertThrows(ClientErrorException.class, () -> client.listReplications(INSTANCE));
    assertEquals("zh-cn", server.takeRequest().getHeader("X-Language"));
    assertEquals(MESSAGE, e.errorMessage());
    assertTrue(e.getMessage().contains("DBS.200022: " + MESSAGE), e.getMessage());
    assertTrue(e.bodySnippet().contains(MESSAGE), e.bodySnippet());
  }

  @Test
  void whatCouldSteerATerminalIsStillEscapedAroundIt() {
    // A newline, an ANSI escape, a right-to-left override and a zero-width space among Chinese text.
    String hostile = "实例\\n\\u001b[31m\\u202e不存在\\u200b";
    server.enqueue(json(400, "{\"error_code\":\"DBS.200022\",\"error_msg\":\"" + hostile + "\"}"));
    ClientErrorException e = assertThrows(ClientErrorException.class, () -> client().listReplications(INSTANCE));
    assertEquals("实例\\n\\u001b[31m\\u202e不存在\\u200b", e.errorMessage());
    for (String shown : new String[] {e.errorMessage(), e.getMessage(), e.bodySnippet()}) {
      assertFalse(shown.chars().anyMatch(c -> c < 0x20 || c == 0x202e || c == 0x200b), shown);
    }
  }
}
