package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.fhir.FhirBundles;
import io.github.personalcare.fhir.FhirImportException;
import io.github.personalcare.fhir.FhirImporter;
import io.github.personalcare.fhir.FhirLimits;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.lang.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A FHIR R4 REST client over OkHttp: reads, searches with paging, history, {@code $everything},
 * versioned and conditional writes, deletes, and transaction and batch Bundles, in
 * {@code application/fhir+json}. Resources are Jackson trees ({@link ObjectNode}), as the SDK's
 * mappers write and read them.
 *
 * <pre>{@code
 * FhirClient fhir = FhirClient.builder("https://fhir.example.nhs.uk/R4")
 *         .auth(AuthProvider.bearer(token))
 *         .build();
 * fhir.requireInteractions("Patient", "read", "search-type", "update");
 * ObjectNode patient = fhir.read("Patient", id);
 * WriteResult saved = fhir.update(changed, "3");                 // If-Match: W/"3"
 * try (Stream<ObjectNode> plans = fhir.search(FhirSearch.of("CarePlan").count(100))) { ... }
 * }</pre>
 *
 * <p><b>Failures</b> are {@link FhirServerException}s (or its subclasses for not found, version
 * conflict and validation) with the OperationOutcome's issues but never its diagnostics text.
 *
 * <p><b>Retries.</b> Only requests that are safe to repeat are retried: reads, searches, updates with
 * {@code If-Match}, conditional creates ({@code If-None-Exist}) and transactions whose every entry
 * is conditional or a read. They are retried after 408, 429, 502, 503, 504 or an I/O failure, as the
 * {@link RetryPolicy} says (full jitter, {@code Retry-After} honoured, bounded in attempts and time).
 * A plain create, delete, upsert or batch is sent once, so a retry never duplicates a resource;
 * OkHttp's own silent retry on connection failure is turned off for the same reason. A 401 is
 * retried once, immediately, if the {@link AuthProvider} says a new token may cure it.
 *
 * <p><b>Every request</b> carries {@code X-Request-ID} (a new UUID per call, the same on its
 * retries, so the server can spot a repeat) and {@code X-Correlation-ID}.
 *
 * <p><b>Logging</b> is off by default ({@link HttpLogLevel#NONE}); when on, it names the method, the
 * path without its query (search values can be NHS numbers), the status and the attempt. Bodies,
 * tokens and diagnostics are never logged.
 *
 * <p>Thread-safe and immutable: one instance serves every thread, sharing OkHttp's connection pool;
 * at most {@link Builder#maxConcurrentRequests(int)} requests are in flight at once.
 */
public final class FhirClient {
    private static final Logger log = LoggerFactory.getLogger(FhirClient.class);
    private static final MediaType FHIR_JSON = MediaType.get("application/fhir+json; charset=utf-8");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{0,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z-]{0,39}");
    // A FHIRPath expression is kept only if it is a plain path: anything with quotes or functions
    // could carry a value from the record.
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\[\\]]{0,255}");
    // HAPI's validator marks a Bundle entry's resource with a FHIRPath comment ("/*Patient/p1*/"):
    // the comment is dropped, whatever it holds, and the path that remains kept if plain.
    private static final Pattern PATH_COMMENT = Pattern.compile("/\\*.*?\\*/");
    private static final Pattern LOCATION = Pattern.compile(
            "(?:^|/)([A-Z][A-Za-z]{0,63})/([A-Za-z0-9\\-.]{1,64})(?:/_history/([A-Za-z0-9\\-.]{1,64}))?/?$");
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?([A-Za-z0-9\\-.]{1,64})\"?$");
    private static final Set<String> REDACTED = Set.of("authorization", "proxy-authorization", "cookie",
            "if-none-exist");    // a conditional create's header holds the business identifier
    private static final Pattern STATUS = Pattern.compile("^(\\d{3})");
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 502, 503, 504);
    private static final long MAX_ERROR_BYTES = 1024 * 1024;
    private static final int MAX_ISSUES = 100;
    private static final int MAX_PAGES = 100_000;

    /** Connect timeout of the default OkHttp client. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Read and write timeout (between bytes) of the default client: a validating server can take half a minute. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    /** Whole-call timeout of the default client, one attempt. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

    private final HttpUrl base;
    private final OkHttpClient client;
    private final AuthProvider auth;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Semaphore inFlight;
    private final long maxResponseBytes;
    private final Supplier<String> correlationId;
    private final HttpLogLevel logLevel;
    private final FhirImporter json;

    private FhirClient(Builder b) {
        this.base = b.base;
        // OkHttp may silently re-send a request whose connection failed after sending it: that could
        // duplicate a create, so it is off; this client's own retries decide instead.
        this.client = (b.client != null ? b.client : defaultHttpClient()).newBuilder()
                .retryOnConnectionFailure(false).build();
        this.auth = b.auth;
        this.retry = b.retry != null ? b.retry : RetryPolicy.defaults();
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.sleeper = b.sleeper != null ? b.sleeper : Sleeper.system();
        // ThreadLocalRandom per draw: the client is shared between threads and a plain generator is not thread-safe.
        this.random = b.random != null ? b.random : () -> ThreadLocalRandom.current().nextLong();
        this.inFlight = new Semaphore(b.maxConcurrentRequests != null ? b.maxConcurrentRequests : 8, true);
        this.maxResponseBytes = b.maxResponseBytes != null ? b.maxResponseBytes : FhirLimits.DEFAULT.maxBytes();
        this.correlationId = b.correlationId != null ? b.correlationId : () -> UUID.randomUUID().toString();
        this.logLevel = b.logLevel != null ? b.logLevel : HttpLogLevel.NONE;
        this.json = new FhirImporter(FhirLimits.DEFAULT.withMaxBytes(maxResponseBytes));
    }

    /**
     * A builder for a server at {@code baseUrl}, such as {@code https://host/fhir/R4}.
     *
     * @param baseUrl the server's FHIR base URL (http or https)
     * @return the builder
     * @throws ConfigurationException if the URL is not an http(s) URL
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /**
     * The OkHttp client used when none is given: connect timeout 10 s, read and write timeouts
     * 60 s, and 120 s for a whole attempt.
     */
    static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(READ_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .build();
    }

    // ---------------------------------------------------------------- reads

    /**
     * Reads the current version of a resource: {@code GET Type/id}. Retried.
     *
     * @param type the resource type, such as {@code Patient}
     * @param id   the resource id
     * @return the resource
     * @throws FhirNotFoundException if there is none, or it was deleted ({@code gone()})
     * @throws FhirServerException   for any other failure
     * @throws InvalidInputException if the type or id is not well formed
     */
    public ObjectNode read(String type, String id) {
        return get(url(type, id));
    }

    /**
     * Reads one version of a resource: {@code GET Type/id/_history/vid}. Retried.
     *
     * @param type      the resource type
     * @param id        the resource id
     * @param versionId the version
     * @return the resource at that version
     * @throws FhirNotFoundException if there is no such version
     * @throws FhirServerException   for any other failure
     * @throws InvalidInputException if the type, id or version is not well formed
     */
    public ObjectNode vread(String type, String id, String versionId) {
        requireId("versionId", versionId);
        return get(url(type, id).newBuilder().addPathSegment("_history").addPathSegment(versionId).build());
    }

    /**
     * Searches, following the server's {@code next} links page by page as the stream is consumed:
     * a page is fetched only when the previous one is used up. Yields the matches (entries whose
     * {@code search.mode} is {@code match} or absent), not included resources. Each page is
     * retried. The stream is sequential; a failure while fetching a page is thrown from the stream
     * operation that needed it.
     *
     * @param search the type and parameters
     * @return the matching resources, lazily
     * @throws FhirServerException from the stream's operations, if a page cannot be fetched
     */
    public Stream<ObjectNode> search(FhirSearch search) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment(search.resourceType());
        for (Map.Entry<String, String> p : search.parameters()) {
            url.addQueryParameter(p.getKey(), p.getValue());
        }
        return pages(url.build(), true);
    }

    /**
     * The versions of a resource, newest first as the server orders them, paged lazily like
     * {@link #search(FhirSearch)}: {@code GET Type/id/_history}. Versions that record a delete carry
     * no resource and are skipped.
     *
     * @param type the resource type
     * @param id   the resource id
     * @return the versions, lazily
     * @throws InvalidInputException if the type or id is not well formed
     */
    public Stream<ObjectNode> history(String type, String id) {
        return pages(url(type, id).newBuilder().addPathSegment("_history").build(), false);
    }

    /**
     * Everything the server holds about a patient: {@code GET Patient/id/$everything}, paged lazily.
     *
     * @param patientId the Patient resource id
     * @return the patient's resources, lazily
     * @throws InvalidInputException if the id is not well formed
     */
    public Stream<ObjectNode> everything(String patientId) {
        return pages(url("Patient", patientId).newBuilder().addPathSegment("$everything").build(), false);
    }

    /**
     * The server's CapabilityStatement: {@code GET metadata}. Retried.
     *
     * @return the CapabilityStatement
     * @throws FhirServerException if it cannot be read
     */
    public ObjectNode capabilities() {
        ObjectNode statement = get(base.newBuilder().addPathSegment("metadata").build());
        if (!"CapabilityStatement".equals(statement.path("resourceType").asText())) {
            throw FhirServerException.malformed(200, "a CapabilityStatement");
        }
        return statement;
    }

    /**
     * Checks, from the CapabilityStatement, that the server supports the interactions on the type;
     * call it at start so a missing one is found before the first write. Type-level interactions
     * are FHIR's codes ({@code read}, {@code vread}, {@code update}, {@code delete},
     * {@code history-instance}, {@code create}, {@code search-type}); {@code transaction} and
     * {@code batch} are looked up at system level.
     *
     * @param type         the resource type, such as {@code CarePlan}
     * @param interactions the interaction codes needed
     * @throws ConfigurationException naming the first interaction the server does not declare
     * @throws FhirServerException    if the CapabilityStatement cannot be read
     */
    public void requireInteractions(String type, String... interactions) {
        requireType(type);
        ObjectNode statement = capabilities();
        Set<String> system = new HashSet<>();
        Set<String> onType = new HashSet<>();
        for (JsonNode rest : statement.path("rest")) {
            if (!"server".equals(rest.path("mode").asText("server"))) {
                continue;
            }
            rest.path("interaction").forEach(i -> system.add(i.path("code").asText()));
            for (JsonNode resource : rest.path("resource")) {
                if (type.equals(resource.path("type").asText())) {
                    resource.path("interaction").forEach(i -> onType.add(i.path("code").asText()));
                }
            }
        }
        for (String interaction : interactions) {
            boolean systemLevel = "transaction".equals(interaction) || "batch".equals(interaction);
            if (!(systemLevel ? system : onType).contains(interaction)) {
                throw new ConfigurationException("fhirServer", "does not declare the interaction '" + interaction + "'"
                        + (systemLevel ? "" : " on " + type) + " in its CapabilityStatement");
            }
        }
    }

    // ---------------------------------------------------------------- writes

    /**
     * Creates a resource with a server-assigned id: {@code POST Type}. Sent once, never retried
     * (a retry could create it twice); for a create that is safe to repeat, use
     * {@link #createIfNoneExist(ObjectNode, String, String)}.
     *
     * @param resource the resource; any id in it is ignored by the server
     * @return where it was created and at which version
     * @throws FhirServerException if the server refuses or does not answer (then it may or may not
     *                             have been created)
     * @throws InvalidInputException if the resource has no valid resourceType
     */
    public WriteResult create(ObjectNode resource) {
        String type = typeOf(resource);
        return write("POST", base.newBuilder().addPathSegment(type).build(), resource, Map.of(), false, type, null);
    }

    /**
     * Creates a resource unless one with the business identifier exists (an NHS number, a UBRN, a
     * plan id): {@code POST Type} with {@code If-None-Exist: identifier=system|value}. Retried: a
     * repeat finds the resource the first attempt created. The result's status is 201 if it was
     * created and 200 if one existed.
     *
     * @param resource the resource
     * @param system   the identifier system
     * @param value    the identifier value
     * @return where the resource is and at which version
     * @throws FhirServerException if the server refuses (412 if several match) or does not answer
     * @throws InvalidInputException if the resource has no valid resourceType or the identifier is
     *                               blank
     */
    public WriteResult createIfNoneExist(ObjectNode resource, String system, String value) {
        String type = typeOf(resource);
        if (system == null || system.isBlank() || value == null || value.isBlank()) {
            throw new InvalidInputException("identifier", "REQUIRED", "a business identifier system and value are required");
        }
        String condition = "identifier=" + encode(system) + "%7C" + encode(value);
        return write("POST", base.newBuilder().addPathSegment(type).build(), resource,
                Map.of("If-None-Exist", condition), true, type, null);
    }

    /**
     * Updates a resource if it is still at the expected version: {@code PUT Type/id} with
     * {@code If-Match: W/"version"}. Retried: a repeat after success fails with a version conflict
     * rather than overwrite a later change.
     *
     * @param resource        the resource, with its id
     * @param expectedVersion the version the change was made from
     * @return the new version
     * @throws FhirVersionConflictException if the resource is at another version now
     * @throws FhirServerException          for any other failure
     * @throws InvalidInputException        if the resource has no valid type or id, or the version is
     *                                      not well formed
     */
    public WriteResult update(ObjectNode resource, String expectedVersion) {
        requireId("expectedVersion", expectedVersion);
        String type = typeOf(resource);
        String id = idOf(resource);
        return write("PUT", url(type, id), resource, Map.of("If-Match", "W/\"" + expectedVersion + "\""), true, type, id);
    }

    /**
     * Creates or replaces a resource at its id, whatever the server holds: {@code PUT Type/id}
     * without {@code If-Match}. Sent once; last writer wins, so prefer
     * {@link #update(ObjectNode, String)} for changes made from a version read earlier.
     *
     * @param resource the resource, with its id
     * @return the new version
     * @throws FhirServerException if the server refuses or does not answer
     * @throws InvalidInputException if the resource has no valid type or id
     */
    public WriteResult upsert(ObjectNode resource) {
        String type = typeOf(resource);
        String id = idOf(resource);
        return write("PUT", url(type, id), resource, Map.of(), false, type, id);
    }

    /**
     * Deletes a resource: {@code DELETE Type/id}. Sent once.
     *
     * @param type the resource type
     * @param id   the resource id
     * @throws FhirServerException if the server refuses or does not answer
     * @throws InvalidInputException if the type or id is not well formed
     */
    public void delete(String type, String id) {
        execute("DELETE", url(type, id), null, Map.of(), false, (status, headers, body) -> null);
    }

    /**
     * Sends a transaction Bundle: every entry applies or none does. Retried only if every entry is
     * a read or conditional ({@code ifMatch}, {@code ifNoneExist}, {@code ifNoneMatch}, or a
     * conditional URL); otherwise sent once.
     *
     * @param bundle a Bundle of type {@code transaction}
     * @return the outcome of each entry
     * @throws FhirServerException if the server refuses the transaction or does not answer
     * @throws InvalidInputException if the body is not a transaction Bundle
     */
    public BundleResponse transaction(ObjectNode bundle) {
        return bundle(bundle, "transaction", allConditional(bundle));
    }

    /**
     * Sends a batch Bundle: entries apply independently; read each entry's outcome. Sent once.
     *
     * @param bundle a Bundle of type {@code batch}
     * @return the outcome of each entry, failed ones with their issues
     * @throws FhirServerException if the server refuses the batch as a whole or does not answer
     * @throws InvalidInputException if the body is not a batch Bundle
     */
    public BundleResponse batch(ObjectNode bundle) {
        return bundle(bundle, "batch", false);
    }

    /**
     * Pushes resources with {@code PUT Type/id} in dependency order, so that a server that checks
     * references on write accepts every write: each resource is sent after every resource of the
     * list it references, and resources that reference each other in a cycle (a budget Account and
     * its line Accounts, a CarePlan and its version snapshots), which no order of single writes
     * satisfies, are sent together as one transaction of {@code PUT} entries. A resource given
     * twice (same type and id) is sent once. Every write is an upsert by id, so pushing again
     * changes nothing but versions.
     *
     * @param resources the resources, each with its id (a UUID for those in a cycle)
     * @return the outcome of each write, in the order sent (one per distinct resource; those sent in
     *         a transaction carry no stored resource)
     * @throws FhirServerException at the first write or transaction refused; the ones before it
     *                             stay written
     * @throws InvalidInputException if a resource has no valid type or id
     */
    public List<WriteResult> push(List<ObjectNode> resources) {
        List<WriteResult> results = new ArrayList<>();
        for (List<ObjectNode> group : WriteOrder.groups(resources)) {
            if (group.size() == 1) {
                results.add(upsert(group.get(0)));
                continue;
            }
            BundleResponse response = transaction(FhirBundles.transaction(group));
            for (int i = 0; i < group.size(); i++) {
                results.add(written(group.get(i), i < response.entries().size() ? response.entries().get(i) : null));
            }
        }
        return results;
    }

    /** A transaction entry's outcome as a write result; the entry's location names where it went. */
    private static WriteResult written(ObjectNode resource, BundleResponse.Entry entry) {
        String type = typeOf(resource);
        String id = idOf(resource);
        if (entry == null) {
            return new WriteResult(0, type, id, Optional.empty(), Optional.empty());
        }
        String serverId = entry.location().map(LOCATION::matcher).filter(Matcher::find).map(m -> m.group(2)).orElse(id);
        return new WriteResult(entry.status(), type, serverId, entry.versionId(), Optional.empty());
    }

    /**
     * Pushes resources as one transaction of {@code PUT Type/id} entries (each resource once,
     * references rewritten to the entries' fullUrls): all or nothing, and order does not matter.
     *
     * @param resources the resources, each with a UUID id
     * @return the outcome of each entry
     * @throws FhirServerException if the server refuses the transaction or does not answer
     * @throws InvalidInputException if a resource has no valid type or its id is not a UUID
     */
    public BundleResponse pushAsTransaction(List<ObjectNode> resources) {
        return transaction(FhirBundles.transaction(WriteOrder.of(resources)));
    }

    // ---------------------------------------------------------------- internals

    private BundleResponse bundle(ObjectNode bundle, String kind, boolean safe) {
        if (!"Bundle".equals(bundle.path("resourceType").asText()) || !kind.equals(bundle.path("type").asText())) {
            throw new InvalidInputException("bundle", "BUNDLE", "must be a " + kind + " Bundle");
        }
        return execute("POST", base, FhirWriter.toBytes(bundle), Map.of(), safe,
                (status, headers, body) -> bundleResponse(status, parse(status, body, "a Bundle")));
    }

    private static boolean allConditional(ObjectNode bundle) {
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode request = entry.path("request");
            String method = request.path("method").asText("");
            boolean conditional = "GET".equals(method) || "HEAD".equals(method)
                    || request.hasNonNull("ifMatch") || request.hasNonNull("ifNoneExist") || request.hasNonNull("ifNoneMatch")
                    || ("PUT".equals(method) || "DELETE".equals(method)) && request.path("url").asText("").contains("?");
            if (!conditional) {
                return false;
            }
        }
        return true;
    }

    private BundleResponse bundleResponse(int status, ObjectNode bundle) {
        String type = bundle.path("type").asText("");
        if (!"Bundle".equals(bundle.path("resourceType").asText()) || !type.endsWith("-response")) {
            throw FhirServerException.malformed(status, "a transaction or batch response Bundle");
        }
        List<BundleResponse.Entry> entries = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode response = entry.path("response");
            String statusText = response.path("status").asText("").trim();
            int code = 0;
            Matcher m = STATUS.matcher(statusText);
            if (m.find()) {
                code = Integer.parseInt(m.group(1));
            }
            entries.add(new BundleResponse.Entry(code,
                    text(response, "location").filter(l -> LOCATION.matcher(l).find()),
                    text(response, "etag").flatMap(FhirClient::versionOfEtag),
                    text(response, "lastModified"),
                    issues(response.path("outcome"))));
        }
        return new BundleResponse(entries);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private WriteResult write(String method, HttpUrl url, ObjectNode resource, Map<String, String> headers, boolean safe,
                              String type, String id) {
        byte[] body = FhirWriter.toBytes(resource);
        return execute(method, url, body, headers, safe, (status, responseHeaders, responseBody) -> {
            Optional<ObjectNode> stored = responseBody.length == 0 ? Optional.empty()
                    : Optional.of(parse(status, responseBody, "a resource"))
                    .filter(r -> type.equals(r.path("resourceType").asText()));
            String location = Optional.ofNullable(responseHeaders.get("Location"))
                    .orElse(responseHeaders.get("Content-Location"));
            Matcher m = location == null ? null : LOCATION.matcher(location);
            boolean located = m != null && m.find();
            String serverId = located ? m.group(2) : stored.map(r -> r.path("id").asText(null)).orElse(id);
            if (serverId == null) {
                throw FhirServerException.malformed(status, "a write response with a Location or the resource");
            }
            Optional<String> version = Optional.ofNullable(responseHeaders.get("ETag")).flatMap(FhirClient::versionOfEtag)
                    .or(() -> located ? Optional.ofNullable(m.group(3)) : Optional.empty())
                    .or(() -> stored.map(r -> r.path("meta").path("versionId").asText(null)));
            return new WriteResult(status, type, serverId, version, stored);
        });
    }

    static Optional<String> versionOfEtag(String etag) {
        Matcher m = ETAG.matcher(etag.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private ObjectNode get(HttpUrl url) {
        return execute("GET", url, null, Map.of(), true, (status, headers, body) -> parse(status, body, "a resource"));
    }

    private Stream<ObjectNode> pages(HttpUrl first, boolean matchesOnly) {
        Iterator<ObjectNode> resources = new Iterator<>() {
            private final Deque<ObjectNode> buffer = new ArrayDeque<>();
            private final Set<String> visited = new HashSet<>();
            private HttpUrl next = first;

            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && next != null) {
                    if (!visited.add(next.toString()) || visited.size() > MAX_PAGES) {
                        throw FhirServerException.malformed(200, "a paging chain without loops");
                    }
                    ObjectNode page = get(next);
                    if (!"Bundle".equals(page.path("resourceType").asText())) {
                        throw FhirServerException.malformed(200, "a Bundle");
                    }
                    for (JsonNode entry : page.path("entry")) {
                        String mode = entry.path("search").path("mode").asText("match");
                        if (entry.path("resource").isObject() && (!matchesOnly || "match".equals(mode))) {
                            buffer.add((ObjectNode) entry.get("resource"));
                        }
                    }
                    next = nextLink(page);
                }
                return !buffer.isEmpty();
            }

            @Override
            public ObjectNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.removeFirst();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(resources, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The page's {@code next} link, which must stay on this server: a token is never sent elsewhere. */
    private HttpUrl nextLink(ObjectNode page) {
        for (JsonNode link : page.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                HttpUrl next = base.resolve(link.path("url").asText(""));
                if (next == null || !next.scheme().equals(base.scheme()) || !next.host().equals(base.host())
                        || next.port() != base.port()) {
                    throw FhirServerException.malformed(200, "a next link on the same server");
                }
                return next;
            }
        }
        return null;
    }

    private ObjectNode parse(int status, byte[] body, String what) {
        try {
            JsonNode node = json.read(new ByteArrayInputStream(body), RawResource.INSTANCE).value();
            return (ObjectNode) node;
        } catch (FhirImportException e) {
            throw FhirServerException.malformed(status, what);
        }
    }

    /** Reads a successful response; its body has been read within the cap. */
    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(int status, okhttp3.Headers headers, byte[] body);
    }

    private <T> T execute(String method, HttpUrl url, byte[] body, Map<String, String> headers, boolean safe,
                          ResponseReader<T> reader) {
        Instant start = clock.instant();
        String requestId = UUID.randomUUID().toString();
        String correlation = correlationId.get();
        boolean authRetried = false;
        int attempt = 0;
        while (true) {
            attempt++;
            Request.Builder request = new Request.Builder().url(url)
                    .header("Accept", "application/fhir+json")
                    .header("X-Request-ID", requestId)
                    .header("X-Correlation-ID", correlation);
            headers.forEach(request::header);
            String authorization = null;
            FhirServerException failure;
            try {
                if (auth != null) {
                    authorization = auth.authorization();
                    request.header("Authorization", authorization);
                }
                request.method(method, body == null ? null : RequestBody.create(body, FHIR_JSON));
                Request built = request.build();
                logHeaders(method, url, built);
                acquire();
                try (Response response = client.newCall(built).execute()) {
                    int status = response.code();
                    logExchange(method, url, status, attempt);
                    if (response.isSuccessful()) {
                        byte[] bytes = Bodies.read(response.body(), maxResponseBytes);
                        return reader.read(status, response.headers(), bytes);
                    }
                    if (status == 401 && auth != null && !authRetried && auth.rejected(authorization)) {
                        authRetried = true;
                        attempt--;    // the refused token is not the server's failure
                        continue;
                    }
                    failure = FhirServerException.of(status, errorIssues(response),
                            RetryAfter.parse(response.header("Retry-After"), clock.instant()).orElse(null));
                } finally {
                    inFlight.release();
                }
            } catch (Bodies.TooLarge e) {
                throw FhirServerException.tooLarge(200, maxResponseBytes);
            } catch (IOException e) {
                // The exception's text is not kept: it can name hosts or echo what was sent.
                logExchange(method, url, 0, attempt);
                failure = FhirServerException.noAnswer();
            }
            Duration wait = retryWait(failure, safe, attempt, start);
            if (wait == null) {
                throw failure;
            }
            if (logLevel != HttpLogLevel.NONE) {
                log.info("FHIR {} {}: {}; attempt {} of {} in {} ms", method, pathForLog(url), failure.rule(), attempt + 1,
                        retry.maxAttempts(), wait.toMillis());
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /** The wait before the next attempt, or null if there is none. */
    private Duration retryWait(FhirServerException failure, boolean safe, int attempt, Instant start) {
        boolean retryableFailure = failure.status() == 0 ? failure.failure() == FhirServerException.Failure.IO
                : RETRYABLE_STATUSES.contains(failure.status());
        if (!safe || !retryableFailure || attempt >= retry.maxAttempts()) {
            return null;
        }
        Duration wait = failure.retryAfter().orElseGet(() -> retry.backoffAfter(attempt, random));
        Duration elapsed = Duration.between(start, clock.instant());
        if (elapsed.plus(wait).compareTo(retry.maxTotal()) > 0) {
            return null;    // the server asks for longer than the budget allows: let the caller (or relay) decide
        }
        return wait;
    }

    private void acquire() throws IOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a connection slot");
        }
    }

    private List<OutcomeIssue> errorIssues(Response response) {
        MediaType type = response.body().contentType();
        if (type == null || !type.subtype().contains("json")) {
            return List.of();
        }
        try {
            JsonNode outcome = json.read(new ByteArrayInputStream(Bodies.read(response.body(), MAX_ERROR_BYTES)),
                    RawResource.INSTANCE).value();
            return "OperationOutcome".equals(outcome.path("resourceType").asText()) ? issues(outcome) : List.of();
        } catch (FhirImportException | IOException | Bodies.TooLarge e) {
            return List.of();    // a malformed or huge error body: the status alone tells the failure
        }
    }

    /** The issues of an OperationOutcome, without diagnostics or details text. */
    static List<OutcomeIssue> issues(JsonNode outcome) {
        List<OutcomeIssue> issues = new ArrayList<>();
        for (JsonNode issue : outcome.path("issue")) {
            if (issues.size() == MAX_ISSUES) {
                break;
            }
            List<String> expressions = new ArrayList<>();
            for (JsonNode e : issue.path("expression")) {
                String path = e.isTextual() ? PATH_COMMENT.matcher(e.asText()).replaceAll("") : "";
                if (PLAIN_PATH.matcher(path).matches() && expressions.size() < 10) {
                    expressions.add(path);
                }
            }
            issues.add(new OutcomeIssue(code(issue.path("severity")), code(issue.path("code")), expressions));
        }
        return issues;
    }

    private static String code(JsonNode node) {
        return node.isTextual() && CODE.matcher(node.asText()).matches() ? node.asText() : "";
    }

    private void logExchange(String method, HttpUrl url, int status, int attempt) {
        if (logLevel != HttpLogLevel.NONE) {
            log.info("FHIR {} {} -> {} (attempt {})", method, pathForLog(url), status == 0 ? "no answer" : status, attempt);
        }
    }

    private void logHeaders(String method, HttpUrl url, Request request) {
        if (logLevel != HttpLogLevel.HEADERS) {
            return;
        }
        StringBuilder headers = new StringBuilder();
        for (String name : request.headers().names()) {
            String value = REDACTED.contains(name.toLowerCase(Locale.ROOT)) ? "██" : request.header(name);
            headers.append(' ').append(name).append(": ").append(value).append(';');
        }
        log.info("FHIR {} {} headers:{}", method, pathForLog(url), headers);
    }

    /** The path below the base, without the query: search values can be NHS numbers. */
    private String pathForLog(HttpUrl url) {
        String path = url.encodedPath();
        String prefix = base.encodedPath();
        String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
        relative = relative.startsWith("/") ? relative.substring(1) : relative;
        return (relative.isEmpty() ? "(base)" : relative) + (url.query() != null ? "?…" : "");
    }

    private HttpUrl url(String type, String id) {
        requireType(type);
        requireId("id", id);
        return base.newBuilder().addPathSegment(type).addPathSegment(id).build();
    }

    static void requireType(String type) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new InvalidInputException("resourceType", "FHIR_TYPE", "must be a FHIR resource type name");
        }
    }

    private static void requireId(String field, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException(field, "FHIR_ID", "must be 1 to 64 letters, digits, '-' or '.'");
        }
    }

    private static String typeOf(ObjectNode resource) {
        String type = resource.path("resourceType").asText("");
        requireType(type);
        return type;
    }

    private static String idOf(ObjectNode resource) {
        String id = resource.path("id").asText(null);
        requireId("id", id);
        return id;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "FhirClient[" + base + "]";
    }

    /** Options of {@link FhirClient}; each may be set once. */
    public static final class Builder {
        private final HttpUrl base;
        private OkHttpClient client;
        private AuthProvider auth;
        private RetryPolicy retry;
        private Clock clock;
        private Sleeper sleeper;
        private RandomGenerator random;
        private Integer maxConcurrentRequests;
        private Long maxResponseBytes;
        private Supplier<String> correlationId;
        private HttpLogLevel logLevel;

        private Builder(String baseUrl) {
            HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl);
            if (parsed == null) {
                throw new ConfigurationException("baseUrl", "must be an http or https URL");
            }
            this.base = parsed;
        }

        /**
         * The OkHttp client (timeouts, TLS, proxies, connection pool). Its silent retry on
         * connection failure is turned off in a derived client (sharing its pool), so that a create
         * is never sent twice. Default: connect timeout 10 s, read and write timeouts 60 s (a
         * validating server can take half a minute over a transaction), 120 s for one attempt.
         *
         * @param value the client
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder client(OkHttpClient value) {
            this.client = Options.once("client", client, value);
            return this;
        }

        /**
         * Authentication of every request. Default: none.
         *
         * @param value the provider, such as {@link AuthProvider#bearer(String)} or
         *              {@link OAuthClientCredentials}
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder auth(AuthProvider value) {
            this.auth = Options.once("auth", auth, value);
            return this;
        }

        /**
         * How safe requests are retried. Default: {@link RetryPolicy#defaults()}.
         *
         * @param value the policy, {@link RetryPolicy#none()} to never retry
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder retry(RetryPolicy value) {
            this.retry = Options.once("retry", retry, value);
            return this;
        }

        /**
         * The clock for the retry budget and for {@code Retry-After} dates. Default: the system
         * clock.
         *
         * @param value the clock
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder clock(Clock value) {
            this.clock = Options.once("clock", clock, value);
            return this;
        }

        /**
         * How the client waits between attempts. Default: {@link Sleeper#system()}.
         *
         * @param value the sleeper
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Options.once("sleeper", sleeper, value);
            return this;
        }

        /**
         * The source of the backoff jitter. Default: {@link ThreadLocalRandom} of the calling thread.
         *
         * @param value the generator; it must be thread-safe if the client is shared
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder random(RandomGenerator value) {
            this.random = Options.once("random", random, value);
            return this;
        }

        /**
         * The most requests in flight at once to the server (the client talks to one host).
         * Further callers wait for a slot. Default: 8.
         *
         * @param value 1 to 256
         * @return this builder
         * @throws ConfigurationException if out of range or already set
         */
        public Builder maxConcurrentRequests(int value) {
            if (value < 1 || value > 256) {
                throw new ConfigurationException("maxConcurrentRequests", "must be 1 to 256");
            }
            this.maxConcurrentRequests = Options.once("maxConcurrentRequests", maxConcurrentRequests, value);
            return this;
        }

        /**
         * The largest response body read; a longer one fails with
         * {@link FhirServerException.Failure#RESPONSE_TOO_LARGE} without being read further, so
         * memory stays bounded. Default: 10 MiB ({@link FhirLimits#DEFAULT}).
         *
         * @param value the cap in bytes, 1 KiB to 1 GiB
         * @return this builder
         * @throws ConfigurationException if out of range or already set
         */
        public Builder maxResponseBytes(long value) {
            if (value < 1024 || value > 1024L * 1024 * 1024) {
                throw new ConfigurationException("maxResponseBytes", "must be 1 KiB to 1 GiB");
            }
            this.maxResponseBytes = Options.once("maxResponseBytes", maxResponseBytes, value);
            return this;
        }

        /**
         * Supplies the {@code X-Correlation-ID} of each call (read once per call, kept on its
         * retries), such as the id of the caller's own trace. Default: a new UUID per call.
         *
         * @param value the supplier
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder correlationId(Supplier<String> value) {
            this.correlationId = Options.once("correlationId", correlationId, value);
            return this;
        }

        /**
         * How much to log. Default: {@link HttpLogLevel#NONE}.
         *
         * @param value the level
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder logLevel(HttpLogLevel value) {
            this.logLevel = Options.once("logLevel", logLevel, value);
            return this;
        }

        /** {@return the client, immutable and thread-safe} */
        public FhirClient build() {
            return new FhirClient(this);
        }
    }
}
