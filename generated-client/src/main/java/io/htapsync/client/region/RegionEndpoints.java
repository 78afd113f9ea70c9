package io.htapsync.client.region;

import io.htapsync.client.internal.Snippets;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The endpoint of each region. The service kept its old product names in its host names, under three
 * patterns, and which pattern a region uses is not derivable from the region's name: hence a table.
 */
public final class RegionEndpoints {
  private static final Map<String, String> HOST_PATTERN_BY_REGION = table();

  private RegionEndpoints() {}

  private static Map<String, String> table() {
    Map<String, String> byRegion = new TreeMap<>();
    put(byRegion, "gaussdb.%s.myhuaweicloud.com", "cn-north-4", "cn-north-2", "cn-north-9", "cn-east-3",
        "cn-south-1", "cn-south-4", "cn-southwest-2", "ru-northwest-2", "ap-southeast-3",
        "ap-southeast-4", "sa-brazil-1");
    put(byRegion, "gaussdbformysql.%s.myhuaweicloud.com", "tr-west-1", "ap-southeast-1",
        "ap-southeast-2", "cn-north-11", "me-east-1");
    put(byRegion, "gaussdb-mysql.%s.myhuaweicloud.com", "af-south-1", "cn-east-5", "la-north-2",
        "cn-southwest-3");
    return Collections.unmodifiableMap(byRegion);
  }

  private static void put(Map<String, String> byRegion, String pattern, String... regions) {
    for (String region : regions) {
      byRegion.put(region, pattern);
    }
  }

  /** The known region names, sorted. */
  public static List<String> knownRegions() {
    return List.copyOf(HOST_PATTERN_BY_REGION.keySet());
  }

  /**
   * The https endpoint of {@code region}, e.g. {@code https://gaussdb.cn-north-4.myhuaweicloud.com}.
   *
   * @throws IllegalArgumentException for an unknown region; the message lists the known ones
   */
  public static URI endpointOf(String region) {
    String pattern = region == null ? null : HOST_PATTERN_BY_REGION.get(region);
    if (pattern == null) {
      // Quoted escaped and bounded: the name is caller input and may hold anything.
      throw new IllegalArgumentException("unknown region "
          + (region == null ? "null" : '"' + Snippets.identifier(region, 48) + '"')
          + "; known regions: " + String.join(", ", knownRegions())
          + ". For another endpoint use endpoint(URI).");
    }
    return URI.create("https://" + String.format(pattern, region));
  }
}
