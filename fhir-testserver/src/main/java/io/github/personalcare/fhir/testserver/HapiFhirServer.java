package io.github.personalcare.fhir.testserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.RequestValidatingInterceptor;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real FHIR server for tests: HAPI FHIR's plain {@link RestfulServer} with the given in-memory
 * resource providers and HAPI's paging (pages of 50), on embedded Jetty bound to 127.0.0.1 on a
 * random port inside the test JVM.
 */
public final class HapiFhirServer implements AutoCloseable {
    /** The FHIR R4 context HAPI parses and writes with. */
    public static final FhirContext R4 = FhirContext.forR4Cached();

    private final Server jetty;
    private final String baseUrl;

    private HapiFhirServer(Server jetty, String baseUrl) {
        this.jetty = jetty;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts a server.
     *
     * @param providers one resource provider per resource type served
     * @return the running server
     * @throws Exception if Jetty cannot start
     */
    public static HapiFhirServer start(List<? extends IResourceProvider> providers) throws Exception {
        return start(providers, List.of());
    }

    /**
     * Starts a server with HAPI interceptors, such as a check that refuses dangling references.
     *
     * @param providers    one resource provider per resource type served, and plain providers such
     *                     as a transaction handler
     * @param interceptors objects with HAPI {@code @Hook} methods
     * @return the running server
     * @throws Exception if Jetty cannot start
     */
    public static HapiFhirServer start(List<?> providers, List<Object> interceptors) throws Exception {
        RestfulServer servlet = new RestfulServer(R4);
        providers.forEach(servlet::registerProvider);
        interceptors.forEach(servlet::registerInterceptor);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(20);
        paging.setDefaultPageSize(50);
        paging.setMaximumPageSize(100);
        servlet.setPagingProvider(paging);
        Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlet), "/fhir/*");
        jetty.setHandler(context);
        jetty.start();
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        return new HapiFhirServer(jetty, "http://127.0.0.1:" + port + "/fhir");
    }

    /**
     * Starts a server over an in-memory store, with its transaction handler and, if the store
     * checks references, its reference check.
     *
     * @param store the store
     * @return the running server
     * @throws Exception if Jetty cannot start
     */
    public static HapiFhirServer start(InMemoryStore store) throws Exception {
        return start(store.providers(), store.interceptors());
    }

    /**
     * Starts a validating server over an in-memory store: HAPI's {@link RequestValidatingInterceptor}
     * validates every request body (a resource, or a transaction Bundle with its entries) against
     * FHIR R4 and the UK Core profiles it claims, with the shared offline validator of the
     * conformance tests, and refuses one with an error or fatal issue (422 with the
     * OperationOutcome) before any provider sees it.
     *
     * @param store the store
     * @return the running server
     * @throws Exception if Jetty cannot start
     */
    public static HapiFhirServer startValidating(InMemoryStore store) throws Exception {
        RequestValidatingInterceptor validating = new RequestValidatingInterceptor();
        validating.addValidatorModule(UkCoreValidator.shared().module());
        validating.setFailOnSeverity(ResultSeverityEnum.ERROR);
        List<Object> interceptors = new ArrayList<>(store.interceptors());
        interceptors.add(0, validating);
        return start(store.providers(), interceptors);
    }

    /** {@return the FHIR base URL} */
    public String baseUrl() {
        return baseUrl;
    }

    /** Stops Jetty. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
