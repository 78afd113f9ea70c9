package io.htapsync.sandbox.http;

import com.google.gson.JsonObject;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.auth.AuthDecision;
import io.htapsync.sandbox.auth.GatewayAuthenticator;
import io.htapsync.sandbox.data.Dataset;
import io.htapsync.sandbox.data.ReplicationTask;
import io.htapsync.sandbox.data.StarRocksInstance;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers one request the way the gateway and the service do, in their order: unknown API (404),
 * authentication (401), parameters (400 {@code DBS.200001}), unknown instance (400 {@code DBS.200022}),
 * then one page of tasks.
 */
final class ReplicationService {

    static final Pattern OPERATION_PATH =
            Pattern.compile("/v3/([^/]*)/instances/([^/]*)/starrocks/databases/replication");
    private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9]{32}");
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9]{36}");
    private static final int MAX_LIMIT = 100;
    private static final int DEFAULT_LIMIT = 100;

    private final Dataset dataset;
    private final GatewayAuthenticator authenticator;
    private final PageRenderer renderer;
    private final SandboxOptions options;

    ReplicationService(Dataset dataset, SandboxOptions options) {
        this.dataset = dataset;
        this.options = options;
        this.authenticator = new GatewayAuthenticator(options.requiredToken(), options.signatureVerifier());
        this.renderer = new PageRenderer(options.counterStyle(), options.stageCasing());
    }

    ServiceAnswer answer(IncomingRequest request, List<String> requestViolations, String requestId) {
        Matcher route = OPERATION_PATH.matcher(request.rawPath());
        if (!route.matches() || !request.method().equals("GET")) {
            return ServiceAnswer.gatewayError(404, "APIGW.0101",
                    "The API does not exist or has not been published in the environment", requestId,
                    "only GET /v3/{project_id}/instances/{instance_id}/starrocks/databases/replication is served",
                    false);
        }
        AuthDecision auth = authenticator.authenticate(request.method(), request.rawPath(), request.rawQuery(),
                request.headers(), request.body());
        if (!auth.accepted()) {
            return ServiceAnswer.gatewayError(401, "APIGW.0301",
                    "Incorrect IAM authentication information: " + auth.gatewayError(), requestId, auth.detail(),
                    true);
        }
        String projectId = route.group(1);
        String instanceId = route.group(2);
        Optional<String> badParameter = checkParameters(request, projectId, instanceId);
        if (badParameter.isEmpty() && !requestViolations.isEmpty()) {
            // The spec knows a rule the checks above do not: the spec wins.
            badParameter = Optional.of("request breaks the spec: " + requestViolations.get(0));
        }
        if (badParameter.isPresent()) {
            return ServiceAnswer.serviceError(400, "DBS.200001", "Parameter error.", badParameter.get());
        }
        Optional<StarRocksInstance> instance = dataset.find(projectId, instanceId);
        if (instance.isEmpty()) {
            boolean chinese = "zh-cn".equals(request.header("x-language"));
            return ServiceAnswer.serviceError(400, "DBS.200022", chinese ? "实例不存在" : "Instance not found.",
                    "no instance " + instanceId + " in project " + projectId);
        }
        return ServiceAnswer.ok(options.successBodyRewriter().apply(page(request, instance.get())));
    }

    private JsonObject page(IncomingRequest request, StarRocksInstance instance) {
        int limit = request.queryParam("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(request.queryParam("limit"));
        int offset = request.queryParam("offset") == null ? 0 : Integer.parseInt(request.queryParam("offset"));
        List<ReplicationTask> tasks = instance.tasks();
        int from = Math.min(offset, tasks.size());
        int to = Math.min(from + Math.min(limit, options.pageCap()), tasks.size());
        return renderer.render(tasks.subList(from, to), tasks.size(), instance.extText());
    }

    private static Optional<String> checkParameters(IncomingRequest request, String projectId, String instanceId) {
        if (!PROJECT_ID.matcher(projectId).matches()) {
            return Optional.of("project_id must be 32 letters and digits");
        }
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            return Optional.of("instance_id must be 36 letters and digits");
        }
        Optional<String> limit = checkInteger(request.queryParam("limit"), "limit", 1, MAX_LIMIT);
        if (limit.isPresent()) {
            return limit;
        }
        Optional<String> offset = checkInteger(request.queryParam("offset"), "offset", 0, Integer.MAX_VALUE);
        if (offset.isPresent()) {
            return offset;
        }
        String language = request.header("x-language");
        if (language != null && !language.equals("en-us") && !language.equals("zh-cn")) {
            return Optional.of("X-Language must be en-us or zh-cn");
        }
        return Optional.empty();
    }

    private static Optional<String> checkInteger(String value, String name, int min, int max) {
        if (value == null) {
            return Optional.empty();
        }
        String range = max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
        if (!value.matches("-?[0-9]{1,10}")) {
            return Optional.of(name + " must be an integer, " + range);
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            return Optional.of(name + " must be " + range + ", got " + number);
        }
        return Optional.empty();
    }
}
