package io.github.personalcare;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies point inwards (architecture.md): core imports only the JDK and slf4j; domain values
 * and aggregates never import ports, storage or logging; only the entry point knows the in-memory
 * store. A plain scan of import lines keeps this true without a framework.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/github/personalcare");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    /** Application-layer classes by name: services, storage descriptions, policies, ports onto other concerns. */
    private static final Pattern APPLICATION = Pattern.compile(
            ".*(Service|Stores|Policy|Relationships|Guard|Report|Directory|Chapter|PlanLines)\\.java|PersonalCare\\.java");
    private static final List<String> DOMAIN_PACKAGES =
            List.of("identity", "careteam", "careplan", "budget", "referral", "consent", "event", "audit");

    private static List<Path> sources() {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> imports(Path file) {
        try {
            Matcher m = IMPORT.matcher(Files.readString(file));
            List<String> result = new ArrayList<>();
            while (m.find()) {
                result.add(m.group(2));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void coreDependsOnTheJdkAndSlf4jOnly() {
        List<String> offending = new ArrayList<>();
        for (Path f : sources()) {
            for (String i : imports(f)) {
                if (!(i.startsWith("java.") || i.startsWith("org.slf4j.") || i.startsWith("io.github.personalcare."))) {
                    offending.add(f.getFileName() + " imports " + i);
                }
            }
        }
        assertThat(sources()).isNotEmpty();
        assertThat(offending).isEmpty();
    }

    @Test
    void domainTypesNeverImportPortsStorageOrLogging() {
        List<String> offending = new ArrayList<>();
        for (Path f : sources()) {
            Path rel = MAIN.relativize(f);
            if (rel.getNameCount() < 2 || !DOMAIN_PACKAGES.contains(rel.getName(0).toString())
                    || APPLICATION.matcher(f.getFileName().toString()).matches()
                    || f.getFileName().toString().equals("AuditTrail.java")) {
                continue;
            }
            for (String i : imports(f)) {
                if (i.startsWith("io.github.personalcare.spi.") || i.startsWith("io.github.personalcare.store.")
                        || i.startsWith("org.slf4j.")) {
                    offending.add(rel + " imports " + i);
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void onlyTheEntryPointKnowsTheInMemoryStore() {
        List<String> offending = new ArrayList<>();
        for (Path f : sources()) {
            if (f.getFileName().toString().equals("PersonalCare.java") || f.toString().contains("/store/")) {
                continue;
            }
            imports(f).stream().filter(i -> i.startsWith("io.github.personalcare.store."))
                    .forEach(i -> offending.add(f.getFileName() + " imports " + i));
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void everyPackageHasAPackageInfo() {
        List<Path> packages;
        try (Stream<Path> s = Files.walk(MAIN)) {
            packages = s.filter(Files::isDirectory).filter(d -> {
                try (Stream<Path> files = Files.list(d)) {
                    return files.anyMatch(p -> p.toString().endsWith(".java"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(packages).allSatisfy(d -> assertThat(d.resolve("package-info.java")).exists());
    }
}
