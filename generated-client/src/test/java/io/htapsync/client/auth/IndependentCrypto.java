package io.htapsync.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 written straight against the JDK, so that tests check {@link AkSkSigner}
 * against expectations that do not come from {@link AkSkSigner} itself.
 */
final class IndependentCrypto {
  private IndependentCrypto() {}

  static String sha256Hex(String text) throws Exception {
    return hex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String hmacSha256Hex(String key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return hex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  /** The expected Authorization value for a canonical request written out by hand in a test. */
  static String expectedAuthorization(
      String canonicalRequest, String sdkDate, String signedHeaders, String ak, String sk)
      throws Exception {
    String stringToSign = "SDK-HMAC-SHA256\n" + sdkDate + "\n" + sha256Hex(canonicalRequest);
    return "SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=" + signedHeaders + ", Signature="
        + hmacSha256Hex(sk, stringToSign);
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }
}
