package io.htapsync.contract;

/**
 * Names, identifiers and provider states of the contract between the htapsync client and the
 * replication API, shared by the consumer tests and the checks of the pact file they write.
 */
final class ReplicationContract {
  static final String CONSUMER = "htapsync-client";
  static final String PROVIDER = "starrocks-replication-api";
  /** The file name Pact JVM gives the pact of this consumer and provider. */
  static final String PACT_FILE_NAME = CONSUMER + "-" + PROVIDER + ".json";

  static final String PROJECT_ID = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  static final String INSTANCE_ID = "0123456789abcdef0123456789abcdefin07";
  static final String MISSING_INSTANCE_ID = "5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin17";

  static final String AUTH_TOKEN_HEADER = "X-Auth-Token";
  // IAM tokens are long base64-like strings that change every day: the pact pins their form only.
  static final String AUTH_TOKEN_REGEX = "^[A-Za-z0-9+/=_.-]+$";
  static final String AUTH_TOKEN_EXAMPLE = "example-iam-token";
  static final String LANGUAGE_HEADER = "X-Language";
  static final String LANGUAGE = "en-us";
  static final String REQUEST_ID_HEADER = "X-Request-Id";
  // The spec promises a non-empty string, nothing about its form: the pact asks no more.
  static final String REQUEST_ID_REGEX = "^.+$";
  static final String REQUEST_ID_EXAMPLE = "3b8f21c6a0d94e0c9b2f7d5e1a4c6b80";

  static final String STATE_ONE_TASK = "instance " + INSTANCE_ID + " has 1 replication task";
  static final String STATE_120_TASKS = "instance " + INSTANCE_ID + " has 120 replication tasks";
  static final String STATE_NO_TASKS = "instance " + INSTANCE_ID + " has no replication tasks";
  static final String STATE_MISSING_INSTANCE = "instance " + MISSING_INSTANCE_ID + " does not exist";
  static final String STATE_INTERNAL_ERROR = "the service fails with an internal error";

  private ReplicationContract() {
  }

  static String replicationsPath(String instanceId) {
    return "/v3/" + PROJECT_ID + "/instances/" + instanceId + "/starrocks/databases/replication";
  }
}
