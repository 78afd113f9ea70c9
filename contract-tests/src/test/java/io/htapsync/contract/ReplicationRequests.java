package io.htapsync.contract;

import static io.htapsync.contract.ReplicationContract.AUTH_TOKEN_EXAMPLE;
import static io.htapsync.contract.ReplicationContract.AUTH_TOKEN_HEADER;
import static io.htapsync.contract.ReplicationContract.AUTH_TOKEN_REGEX;
import static io.htapsync.contract.ReplicationContract.LANGUAGE;
import static io.htapsync.contract.ReplicationContract.LANGUAGE_HEADER;
import static io.htapsync.contract.ReplicationContract.REQUEST_ID_EXAMPLE;
import static io.htapsync.contract.ReplicationContract.REQUEST_ID_HEADER;
import static io.htapsync.contract.ReplicationContract.REQUEST_ID_REGEX;
import static io.htapsync.contract.ReplicationContract.replicationsPath;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithState;

/** The request and response framing that every interaction of the contract shares. */
final class ReplicationRequests {
  private ReplicationRequests() {
  }

  /** A token-authenticated list request for one instance, as the htapsync client sends it. */
  static PactDslRequestWithPath listRequest(PactDslWithState state, String description,
      String instanceId) {
    return state.uponReceiving(description)
        .method("GET")
        .path(replicationsPath(instanceId))
        .matchHeader(AUTH_TOKEN_HEADER, AUTH_TOKEN_REGEX, AUTH_TOKEN_EXAMPLE)
        .headers(LANGUAGE_HEADER, LANGUAGE);
  }

  /** A JSON response carrying the request id header, as every response of the service does. */
  static PactDslResponse respond(PactDslRequestWithPath request, int status, DslPart body) {
    return request.willRespondWith()
        .status(status)
        .matchHeader(REQUEST_ID_HEADER, REQUEST_ID_REGEX, REQUEST_ID_EXAMPLE)
        .body(body);
  }
}
