package io.github.personalcare;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.store.memory.InMemoryStorage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 7: random arguments (nulls, extremes such as {@code LocalDate.MIN/MAX} and
 * {@code Long.MAX_VALUE}, empty and huge strings, control characters) thrown at every public
 * method of every service reached from {@link PersonalCare}: only {@link PersonalCareException}s
 * come out, and when one does, nothing is stored (no aggregate, entry or outbox change, and the
 * only new audit records are refusals).
 */
class PublicMethodArgumentsProperties {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final List<Method> METHODS = serviceMethods();
    private static final Set<AuditOutcome> REFUSALS = EnumSet.of(AuditOutcome.DENY, AuditOutcome.REJECTED,
            AuditOutcome.NOT_FOUND, AuditOutcome.ERROR);

    private final InMemoryStorage storage = new InMemoryStorage();
    private final PersonalCare care = PersonalCare.builder().storage(storage)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private final PatientId patient = care.patients().register(gp(), NhsNumber.parse("9434765870"),
            NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(),
            Optional.of(PRACTICE)).value().id();

    private static List<Method> serviceMethods() {
        List<Method> all = new ArrayList<>();
        for (Method getter : PersonalCare.class.getMethods()) {
            Class<?> service = getter.getReturnType();
            if (getter.getParameterCount() == 0 && service.getName().endsWith("Service")) {
                Arrays.stream(service.getDeclaredMethods())
                        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                                && !m.isSynthetic())
                        .forEach(all::add);
            }
        }
        all.sort(Comparator.comparing(Method::toGenericString));
        return List.copyOf(all);
    }

    private static AccessContext gp() {
        return AccessContext.of(Actor.professional(UserId.of("GP1"), ProfessionalRole.GENERAL_PRACTITIONER,
                PRACTICE), Purpose.DIRECT_CARE);
    }

    @Property(tries = 1000)
    void onlyTypedErrorsComeOutAndARefusalStoresNothing(@ForAll @IntRange(min = 0, max = 100_000) int which,
            @ForAll long seed) throws IllegalAccessException {
        assertThat(METHODS).hasSizeGreaterThan(40);
        Method method = METHODS.get(which % METHODS.size());
        Random random = new Random(seed);
        Object service = serviceOf(method);
        Object[] args = new Object[method.getParameterCount()];
        Type[] types = method.getGenericParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = value(types[i], random, 0);
        }
        Map<String, Object> before = contents();
        Map<String, Integer> chainSizes = new HashMap<>();
        chains().forEach((chain, records) -> chainSizes.put(chain, records.size()));
        try {
            method.invoke(service, args);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            assertThat(thrown).as("%s threw", method.getName()).isInstanceOf(PersonalCareException.class);
            assertThat(contents()).as("%s stored something before refusing", method.getName()).isEqualTo(before);
            List<AuditRecord> added = new ArrayList<>();
            chains().forEach((chain, records) -> added.addAll(
                    records.subList(chainSizes.getOrDefault(chain, 0), records.size())));
            assertThat(added).as("%s audited", method.getName())
                    .allSatisfy(r -> assertThat(REFUSALS).contains(r.event().outcome()));
        }
    }

    private Object serviceOf(Method method) {
        for (Method getter : PersonalCare.class.getMethods()) {
            if (getter.getParameterCount() == 0 && getter.getReturnType() == method.getDeclaringClass()) {
                try {
                    return getter.invoke(care);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no getter for " + method.getDeclaringClass());
    }

    /** A value of {@code type}: null, an extreme, malformed text, or a valid value from the fixture. */
    private Object value(Type type, Random random, int depth) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isPrimitive()) {
            return primitive(raw, random);
        }
        if (random.nextInt(6) == 0 || depth > 3) {
            return null;
        }
        if (raw == AccessContext.class) {
            return pick(random, gp(), AccessContext.patientSelf(patient), AccessContext.of(Actor.professional(
                    UserId.of("PO1"), ProfessionalRole.PRIVACY_OFFICER, PRACTICE), Purpose.AUDIT));
        }
        if (raw == PatientId.class) {
            return pick(random, patient, PatientId.random());
        }
        if (raw == String.class) {
            return pick(random, "", " ", "ok", "\u0000\u0007\u001b[2J", "x".repeat(100_000), "\ud800", "A81001");
        }
        if (raw == LocalDate.class) {
            return pick(random, LocalDate.MIN, LocalDate.MAX, LocalDate.of(1899, 12, 31), LocalDate.of(2200, 1, 1),
                    LocalDate.of(2026, 3, 2), LocalDate.EPOCH);
        }
        if (raw == Instant.class) {
            return pick(random, Instant.MIN, Instant.MAX, NOW, Instant.EPOCH);
        }
        if (raw == Long.class || raw == Integer.class) {
            return primitive(raw == Long.class ? long.class : int.class, random);
        }
        if (raw == BigDecimal.class) {
            return pick(random, BigDecimal.ZERO, new BigDecimal("1e400"), new BigDecimal("-0.001"));
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (raw == Optional.class) {
            return random.nextBoolean() ? Optional.empty()
                    : Optional.ofNullable(value(argument(type), random, depth + 1));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            List<Object> items = new ArrayList<>();
            int n = random.nextInt(3);
            for (int i = 0; i < n; i++) {
                items.add(value(argument(type), random, depth + 1));
            }
            return Set.class.isAssignableFrom(raw) ? new java.util.HashSet<>(items) : items;
        }
        if (raw == Map.class) {
            return new HashMap<>();
        }
        if (raw.isSealed()) {
            Class<?>[] permitted = raw.getPermittedSubclasses();
            return value(permitted[random.nextInt(permitted.length)], random, depth + 1);
        }
        Object made = factory(raw, random, depth);
        return made;
    }

    private Object primitive(Class<?> raw, Random random) {
        if (raw == long.class) {
            return pick(random, Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L, 100L);
        }
        if (raw == int.class) {
            return pick(random, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1);
        }
        if (raw == boolean.class) {
            return random.nextBoolean();
        }
        return null;
    }

    /** A random id, a value from a static factory, or a record built from generated components; null if refused. */
    private Object factory(Class<?> raw, Random random, int depth) {
        try {
            Method randomId = raw.getMethod("random");
            if (Modifier.isStatic(randomId.getModifiers()) && randomId.getReturnType() == raw) {
                return randomId.invoke(null);
            }
        } catch (NoSuchMethodException e) {
            // not an id type
        } catch (ReflectiveOperationException e) {
            return null;
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] args = Arrays.stream(components).map(c -> value(c.getGenericType(), random, depth + 1)).toArray();
            try {
                return raw.getDeclaredConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // the value type refused the combination; the service gets null instead
            }
        }
        for (Method m : raw.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == raw && m.getParameterCount() == 1
                    && m.getParameterTypes()[0] == String.class) {
                try {
                    return m.invoke(null, "A81001");
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Type argument(Type type) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Everything the in-memory storage holds except the audit trail, copied deeply. */
    private Map<String, Object> contents() {
        Map<String, Object> all = new HashMap<>();
        for (String name : List.of("aggregates", "entries", "entryKeys", "outbox", "deadLetters")) {
            all.put(name, copy(field(name)));
        }
        return all;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> c = new HashMap<>();
            m.forEach((k, v) -> c.put(k, copy(v)));
            return c;
        }
        if (value instanceof Collection<?> l) {
            return l.stream().map(PublicMethodArgumentsProperties::copy).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<AuditRecord>> chains() {
        return (Map<String, List<AuditRecord>>) field("auditChains");
    }

    private Object field(String name) {
        try {
            Field f = InMemoryStorage.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(storage);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
