package io.htapsync.client.internal;

import io.htapsync.client.ListReplicationsRequest;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Builds the one HTTP request of the operation, {@code GET
 * /v3/{project_id}/instances/{instance_id}/starrocks/databases/replication?limit=&offset=}, straight
 * with OkHttp. The generated Retrofit interface stays the spec's word on that request; a test holds
 * every request built here against the one the interface builds for the same arguments.
 *
 * <p>The request carries no credentials: the authentication interceptor adds them per attempt.
 */
public final class ReplicationRequests {
  private final HttpUrl projectUrl;
  private final String language;

  /**
   * @param endpoint the service's base URL, ending in {@code /}
   * @param projectId a checked project ID
   * @param language the {@code X-Language} value
   */
  public ReplicationRequests(HttpUrl endpoint, String projectId, String language) {
    this.projectUrl = endpoint.newBuilder().addPathSegment("v3").addPathSegment(projectId)
        .addPathSegment("instances").build();
    this.language = language;
  }

  public Request toHttp(ListReplicationsRequest request) {
    HttpUrl url = projectUrl.newBuilder()
        .addPathSegment(request.instanceId())
        .addPathSegment("starrocks").addPathSegment("databases").addPathSegment("replication")
        .addQueryParameter("limit", Integer.toString(request.limit()))
        .addQueryParameter("offset", Integer.toString(request.offset()))
        .build();
    return new Request.Builder().url(url).header("X-Language", language).build();
  }
}
