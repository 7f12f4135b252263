package io.github.personalcare.internal;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.spi.Storage;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the entry point builds each service from: the guard, the storage and the builder's options
 * by type. Services register a factory in their static initialiser ({@link #register}), so their
 * constructors stay package-private and a service can only be had from a built
 * {@code PersonalCare}; this package is not exported, so suppliers cannot reach either.
 */
public record ServiceWiring(AccessGuard guard, Storage storage, Map<Class<?>, Object> options) {
    private static final Map<Class<?>, Function<ServiceWiring, ?>> FACTORIES = new ConcurrentHashMap<>();

    public ServiceWiring {
        Require.present("guard", guard);
        Require.present("storage", storage);
        options = Map.copyOf(Require.present("options", options));
    }

    /** The option of this type, if the builder set one. */
    public <T> Optional<T> option(Class<T> type) {
        return Optional.ofNullable(options.get(type)).map(type::cast);
    }

    /** Called once from a service's static initialiser; a second factory for the same service is refused. */
    public static <S> void register(Class<S> service, Function<ServiceWiring, S> factory) {
        if (FACTORIES.putIfAbsent(service, factory) != null) {
            throw new IllegalStateException(service.getSimpleName() + " is already registered");
        }
    }

    /** A new instance of the service, wired from this. */
    public <S> S create(Class<S> service) {
        try {
            // Runs the service's static initialiser, which registers its factory.
            Class.forName(service.getName(), true, service.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(service.getSimpleName() + " cannot be loaded", e);
        }
        Function<ServiceWiring, ?> factory = FACTORIES.get(service);
        if (factory == null) {
            throw new IllegalStateException(service.getSimpleName() + " registers no factory");
        }
        return service.cast(factory.apply(this));
    }
}
