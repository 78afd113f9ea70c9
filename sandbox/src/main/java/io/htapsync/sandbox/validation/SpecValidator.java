package io.htapsync.sandbox.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.util.OpenApiLoader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Checks requests and responses against the htapsync OpenAPI spec, read from the
 * {@code htapsync-api-spec} artifact on the classpath, with swagger-request-validator.
 */
public final class SpecValidator {

    /** Where the htapsync-api-spec jar keeps the spec. */
    public static final String SPEC_RESOURCE = "io/htapsync/spec/starrocks-replication.yaml";

    private final OpenApiInteractionValidator validator;

    private SpecValidator(String specText) {
        this.validator = OpenApiInteractionValidator.createFor(parse(specText)).build();
    }

    /**
     * The validator checks only operation-level {@code security}, but OpenAPI applies the root-level
     * requirements to every operation that has none of its own (the htapsync spec declares them at
     * the root). Copying them down makes the validator check what the spec says.
     */
    private static void applyRootSecurity(OpenAPI api) {
        if (api.getSecurity() == null || api.getPaths() == null) {
            return;
        }
        for (PathItem path : api.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operation.getSecurity() == null) {
                    operation.setSecurity(api.getSecurity());
                }
            }
        }
    }

    /** The validator for the spec on the classpath; parsed once per JVM, as parsing takes a while. */
    public static SpecValidator fromClasspath() {
        return loadInBackground().join();
    }

    /**
     * The validator for the spec on the classpath, built on a background thread the first time this
     * is called in a JVM (later calls share it). Building it is almost all cold-JVM cost (class loading,
     * interpreted code: about 0.5 s on 2 cores, 40 ms when done again warm), so a sandbox starts
     * listening at once and the first request waits for what is left. The spec itself is read now: a
     * missing spec fails here, not on the first request.
     *
     * @throws IllegalStateException when the spec is not on the classpath
     */
    public static CompletableFuture<SpecValidator> loadInBackground() {
        return Loader.start();
    }

    /**
     * The spec's error messages for a request; empty when it conforms.
     *
     * @param headers request headers, names in any case
     */
    public List<String> validateRequest(String method, String rawPath, Map<String, List<String>> queryParams,
                                        Map<String, List<String>> headers) {
        Request.Method specMethod = specMethod(method);
        if (specMethod == null) {
            return List.of("method " + method + " is not an HTTP method the spec can describe");
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(specMethod, rawPath);
        queryParams.forEach(request::withQueryParam);
        headers.forEach(request::withHeader);
        return errors(validator.validateRequest(request.build()));
    }

    /** The spec's error messages for a response to {@code method rawPath}; empty when it conforms. */
    public List<String> validateResponse(String method, String rawPath, int status, Map<String, String> headers,
                                         String body) {
        Request.Method specMethod = specMethod(method);
        if (specMethod == null) {
            return List.of("method " + method + " is not an HTTP method the spec can describe");
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        headers.forEach(response::withHeader);
        return errors(validator.validateResponse(rawPath, specMethod, response.build()));
    }

    private static Request.Method specMethod(String method) {
        try {
            return Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> errors(ValidationReport report) {
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                StringBuilder text = new StringBuilder(message.getKey()).append(": ");
                message.getContext().ifPresent(context -> {
                    context.getParameter().ifPresent(p -> text.append(p.getIn()).append(" parameter ")
                            .append(p.getName()).append(": "));
                    context.getPointers().map(ValidationReport.MessageContext.Pointers::getInstance)
                            .filter(pointer -> !pointer.isEmpty() && !pointer.equals("/"))
                            .ifPresent(pointer -> text.append("at ").append(pointer).append(": "));
                });
                text.append(message.getMessage());
                for (ValidationReport.Message nested : message.getNestedMessages()) {
                    text.append(" / ").append(nested.getMessage());
                }
                errors.add(text.toString());
            }
        }
        return List.copyOf(errors);
    }

    /**
     * The spec text to parse: the JSON the build made of the YAML ({@link BuildTimeSpec}), or the YAML
     * itself when the classes were not built by Maven (an IDE run).
     */
    private static String readSpec() {
        boolean built = SpecValidator.class.getClassLoader().getResource(BuildTimeSpec.JSON_RESOURCE) != null;
        return readSpec(built ? BuildTimeSpec.JSON_RESOURCE : SPEC_RESOURCE);
    }

    static String readSpec(String resource) {
        try (InputStream in = SpecValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource
                        + " is not on the classpath: the sandbox needs the io.htapsync:htapsync-api-spec jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The model the validator is built from, as parsed from {@code specText} (YAML or JSON). */
    static OpenAPI parse(String specText) {
        // The validator's own loader and default parse options, so the model is what
        // createForInlineApiSpecification would build; only the security requirements are added.
        ParseOptions parseOptions = new ParseOptions();
        parseOptions.setResolve(true);
        parseOptions.setResolveFully(true);
        parseOptions.setResolveCombinators(false);
        OpenAPI api = new OpenApiLoader().loadApi(OpenApiInteractionValidator.SpecSource.inline(specText), List.of(),
                parseOptions);
        applyRootSecurity(api);
        return api;
    }

    /** Validates one made-up exchange, so that the first real request does not load the validator's classes. */
    private SpecValidator warmedUp() {
        String path = "/v3/00000000000000000000000000000000/instances/00000000000000000000000000000000in07"
                + "/starrocks/databases/replication";
        validateRequest("GET", path, Map.of("limit", List.of("10")), Map.of("X-Auth-Token", List.of("warm-up")));
        validateResponse("GET", path, 200, Map.of("Content-Type", "application/json"),
                "{\"total_count\":0,\"replications\":[],\"ext_text\":null}");
        return this;
    }

    private static final class Loader {
        private static CompletableFuture<SpecValidator> loading;

        static synchronized CompletableFuture<SpecValidator> start() {
            if (loading == null) {
                String spec = readSpec();
                CompletableFuture<SpecValidator> future = new CompletableFuture<>();
                Thread thread = new Thread(() -> {
                    try {
                        future.complete(new SpecValidator(spec).warmedUp());
                    } catch (RuntimeException | Error e) {
                        future.completeExceptionally(e);
                    }
                }, "htapsync-sandbox-spec-loader");
                thread.setDaemon(true);
                thread.start();
                loading = future;
            }
            return loading;
        }
    }
}
