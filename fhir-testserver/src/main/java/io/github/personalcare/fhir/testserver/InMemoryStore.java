package io.github.personalcare.fhir.testserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The test server's in-memory resources: one HAPI {@link HashMapResourceProvider} (versioned,
 * read/vread/search/create/update/delete/history) per resource type, a transaction handler that
 * applies a whole transaction Bundle to them or nothing, and, when asked, a check that refuses
 * (422) any write referencing a resource the server does not hold, as a server that checks
 * references on write does. Only {@code PUT Type/id} and {@code POST Type} entries are applied;
 * other entry methods are refused (400), since the SDK sends none.
 */
public final class InMemoryStore {
    private final Map<String, HashMapResourceProvider<?>> byType = new LinkedHashMap<>();
    private final boolean referencesMustResolve;

    /**
     * A store for the given resource types.
     *
     * @param types                 FHIR resource type names, such as {@code Patient}
     * @param referencesMustResolve whether writes that reference an absent resource are refused
     */
    public InMemoryStore(Collection<String> types, boolean referencesMustResolve) {
        for (String type : types) {
            Class<? extends IBaseResource> model = HapiFhirServer.R4.getResourceDefinition(type).getImplementingClass();
            byType.put(type, new HashMapResourceProvider<>(HapiFhirServer.R4, model));
        }
        this.referencesMustResolve = referencesMustResolve;
    }

    /** {@return the resource providers and the transaction handler, to register on the server} */
    public List<Object> providers() {
        List<Object> all = new ArrayList<>(byType.values());
        all.add(new Transactions());
        return all;
    }

    /** {@return the reference check, if this store refuses dangling references} */
    public List<Object> interceptors() {
        return referencesMustResolve ? List.of(new ReferencesMustResolve()) : List.of();
    }

    /** {@return how many distinct resources the server holds, of every type} */
    public int count() {
        return byType.values().stream().mapToInt(p -> p.getStoredResources().size()).sum();
    }

    private boolean holds(String type, String id) {
        HashMapResourceProvider<?> provider = byType.get(type);
        return provider != null && provider.getStoredResources().stream().anyMatch(r -> r.getIdElement().getIdPart().equals(id));
    }

    /** The relative {@code Type/id} references of a resource that name neither a held resource nor one of {@code alsoHeld}. */
    private List<String> unresolved(IBaseResource resource, Set<String> alsoHeld) {
        List<String> missing = new ArrayList<>();
        for (Reference reference : HapiFhirServer.R4.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            IIdType target = reference.getReferenceElement();
            if (!target.hasResourceType() || !target.hasIdPart() || target.isAbsolute()) {
                continue;
            }
            String key = target.getResourceType() + "/" + target.getIdPart();
            if (!alsoHeld.contains(key) && !holds(target.getResourceType(), target.getIdPart())) {
                missing.add(key);
            }
        }
        return missing;
    }

    /** Refuses (422) a single write that references a resource the server does not hold. */
    public final class ReferencesMustResolve {
        ReferencesMustResolve() {
        }

        /**
         * Checks the references of the request's resource; a transaction Bundle is checked by the
         * transaction handler, against the server and the transaction's own entries.
         *
         * @param request the incoming request
         */
        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
        public void check(RequestDetails request) {
            IBaseResource resource = request.getResource();
            if (resource == null || resource instanceof Bundle) {
                return;
            }
            if (!unresolved(resource, Set.of()).isEmpty()) {
                throw new UnprocessableEntityException("reference to a resource the server does not hold");
            }
        }
    }

    /** Applies a transaction Bundle: every entry or, if one is refused, none. */
    public final class Transactions {
        Transactions() {
        }

        /**
         * Applies the entries: {@code urn:uuid} fullUrls are resolved to where each entry's
         * resource goes, references to them rewritten, references checked (when the store checks
         * them) against the server and the transaction's entries, and only then is anything stored.
         *
         * @param bundle the transaction Bundle
         * @return the transaction-response Bundle: per entry its status, location with version and
         *         ETag
         */
        @Transaction
        public Bundle transaction(@TransactionParam Bundle bundle) {
            synchronized (InMemoryStore.this) {
                if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
                    throw new InvalidRequestException("the test server applies transaction Bundles only");
                }
                Map<String, String> target = new HashMap<>();    // fullUrl -> Type/id
                List<IdType> ids = new ArrayList<>();
                for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                    IdType id = targetOf(entry);
                    ids.add(id);
                    if (entry.hasFullUrl()) {
                        target.put(entry.getFullUrl(), id.getValue());
                    }
                }
                Set<String> inTransaction = new HashSet<>(target.values());
                ids.forEach(id -> inTransaction.add(id.getValue()));
                for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                    Resource resource = entry.getResource();
                    for (Reference reference : HapiFhirServer.R4.newTerser()
                            .getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                        String rewritten = target.get(reference.getReference());
                        if (rewritten != null) {
                            reference.setReference(rewritten);
                        }
                    }
                    if (referencesMustResolve && !unresolved(resource, inTransaction).isEmpty()) {
                        throw new UnprocessableEntityException("reference to a resource neither held nor in the transaction");
                    }
                }
                Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
                for (int i = 0; i < ids.size(); i++) {
                    response.addEntry().setResponse(store(ids.get(i), bundle.getEntry().get(i).getResource()));
                }
                return response;
            }
        }

        private IdType targetOf(Bundle.BundleEntryComponent entry) {
            if (!entry.hasResource()) {
                throw new InvalidRequestException("every entry needs a resource");
            }
            String type = entry.getResource().fhirType();
            if (!byType.containsKey(type)) {
                throw new InvalidRequestException("the test server holds no resources of this type");
            }
            String url = entry.getRequest().getUrl();
            switch (entry.getRequest().getMethod()) {
                case PUT:
                    IdType id = new IdType(url);
                    if (!type.equals(id.getResourceType()) || !id.hasIdPart() || url.contains("?")) {
                        throw new InvalidRequestException("a PUT entry's url must be Type/id of its resource");
                    }
                    return new IdType(type, id.getIdPart());
                case POST:
                    if (!type.equals(url) || entry.getRequest().hasIfNoneExist()) {
                        throw new InvalidRequestException("a POST entry's url must be its resource type");
                    }
                    return new IdType(type, UUID.randomUUID().toString());
                default:
                    throw new InvalidRequestException("the test server applies PUT and POST entries only");
            }
        }

        @SuppressWarnings("unchecked")
        private Bundle.BundleEntryResponseComponent store(IdType id, Resource resource) {
            boolean existed = holds(id.getResourceType(), id.getIdPart());
            resource.setId(id);
            IIdType stored = ((HashMapResourceProvider<IBaseResource>) byType.get(id.getResourceType())).store(resource);
            return new Bundle.BundleEntryResponseComponent().setStatus(existed ? "200 OK" : "201 Created")
                    .setLocation(id.getResourceType() + "/" + id.getIdPart() + "/_history/" + stored.getVersionIdPart())
                    .setEtag("W/\"" + stored.getVersionIdPart() + "\"");
        }
    }
}
