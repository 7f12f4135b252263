package io.github.personalcare.testkit;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.EntryType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every aggregate and entry type the core declares: the public constants of its {@code *Stores}
 * classes, found by listing the core's classes (a directory or a jar), so a type added in a new
 * package is covered without being listed here.
 *
 * @param aggregates the aggregate types, by name
 * @param entries    the entry types, by name
 */
record StoredTypes(List<AggregateType<?, ?>> aggregates, List<EntryType<?>> entries) {

    /** {@return the types declared by the core on the class path or module path} */
    static StoredTypes ofCore() {
        List<AggregateType<?, ?>> aggregates = new ArrayList<>();
        List<EntryType<?>> entries = new ArrayList<>();
        for (String name : storesClasses()) {
            Class<?> stores;
            try {
                stores = Class.forName(name, true, PersonalCare.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("listed but not loadable: " + name, e);
            }
            for (Field f : stores.getFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Object value = read(f);
                if (value instanceof AggregateType<?, ?> a) {
                    aggregates.add(a);
                } else if (value instanceof EntryType<?> e) {
                    entries.add(e);
                }
            }
        }
        aggregates.sort(Comparator.comparing(AggregateType::name));
        entries.sort(Comparator.comparing(EntryType::name));
        return new StoredTypes(List.copyOf(aggregates), List.copyOf(entries));
    }

    private static Object read(Field f) {
        try {
            return f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    /** Binary names of the core's public classes named {@code *Stores}. */
    private static List<String> storesClasses() {
        Path location;
        try {
            location = Path.of(PersonalCare.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the core's location is not a path", e);
        }
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(n -> add(names, n));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(JarEntry::getName).forEach(n -> add(names, n));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the core's classes", e);
        }
        names.sort(null);
        return names;
    }

    private static void add(List<String> names, String file) {
        if (file.endsWith("Stores.class") && !file.contains("$") && !file.contains("/internal/")) {
            names.add(file.substring(0, file.length() - ".class".length()).replace('/', '.'));
        }
    }
}
