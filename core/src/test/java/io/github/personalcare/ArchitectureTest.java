package io.github.personalcare;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.github.personalcare.archfixture.one.Upper;
import io.github.personalcare.archfixture.two.Lower;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package graph of core (docs/architecture.md), checked with ArchUnit on the compiled classes:
 * no package cycles; each package imports only the packages listed below it; domain types never
 * import ports, storage, the guard or logging; core needs only the JDK and slf4j. The fixtures in
 * {@code archfixture} and {@code careplan.ArchFixture*} break the rules on purpose, and the tests
 * at the end prove each rule reports them.
 */
class ArchitectureTest {
    private static final String SDK = "io.github.personalcare";
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SDK);

    /**
     * Each package and the SDK packages it may import, lowest first. Between concept packages only
     * careplan→careteam, messaging→careteam and budget→careplan; every concept sits on patient.
     */
    static final Map<String, List<String>> LAYERS = layers();

    private static Map<String, List<String>> layers() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("lang", List.of());
        m.put("internal.check", List.of("lang"));
        m.put("identity", List.of("lang", "internal.check"));
        m.put("event", List.of("identity"));
        m.put("access", List.of("lang", "internal.check", "identity", "event"));
        m.put("audit", List.of("lang", "internal.check", "identity", "access"));
        List<String> base = List.of("lang", "internal.check", "identity", "event", "access", "audit");
        m.put("spi", base);
        List<String> guarded = plus(base, "spi", "internal");
        m.put("internal", plus(base, "spi"));
        m.put("patient", guarded);
        m.put("careteam", plus(guarded, "patient"));
        m.put("careplan", plus(guarded, "patient", "careteam"));
        m.put("budget", plus(guarded, "patient", "careplan"));
        m.put("referral", plus(guarded, "patient"));
        m.put("consent", plus(guarded, "patient"));
        m.put("messaging", plus(guarded, "patient", "careteam"));
        m.put("prescription", plus(guarded, "patient"));
        m.put("appointment", plus(guarded, "patient", "referral"));
        m.put("report", plus(guarded, "patient", "careteam", "careplan", "budget", "referral", "consent"));
        m.put("record", plus(guarded, "patient", "careteam", "careplan", "budget", "referral", "consent"));
        m.put("econsult", plus(guarded, "patient", "referral"));
        m.put("feedback", plus(guarded, "patient", "referral", "report"));
        m.put("store.memory", plus(base, "spi"));
        return m;
    }

    private static List<String> plus(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    /** Domain packages: aggregates, values and events, beside the services that own their I/O. */
    private static final String[] DOMAIN = {SDK + ".lang", SDK + ".identity", SDK + ".event", SDK + ".access",
            SDK + ".audit", SDK + ".patient", SDK + ".careteam", SDK + ".careplan", SDK + ".budget", SDK + ".referral",
            SDK + ".consent", SDK + ".econsult", SDK + ".feedback", SDK + ".messaging",
            SDK + ".prescription", SDK + ".appointment"};
    /** Application classes in domain packages, by name: services, store descriptions, policies, fact sources. */
    private static final DescribedPredicate<? super JavaClass> APPLICATION = nameMatching(
            ".*\\.(\\w+Service|\\w+Stores|\\w+AccessPolicy|\\w+Relationships|RegisteredPractice|AgreedPlanLines"
                    + "|CarePlanLines|InMemoryServiceDirectory)(\\$.*)?");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(SDK + ".(**)").should().beFreeOfCycles()
            .because("a package graph without cycles can be read, tested and split bottom up");

    static final ArchRule DOMAIN_IS_PURE = noClasses()
            .that().resideInAnyPackage(DOMAIN).and(not(APPLICATION).forSubtype())
            .should().dependOnClassesThat().resideInAnyPackage(SDK + ".spi..", SDK + ".store..", SDK + ".internal",
                    "org.slf4j..")
            .because("aggregates, values and events do no I/O and log nothing; only their service touches ports");

    static ArchRule layer(String pkg) {
        List<String> allowed = new ArrayList<>();
        allowed.add(SDK + "." + pkg);
        LAYERS.get(pkg).forEach(p -> allowed.add(SDK + "." + p));
        return classes().that().resideInAPackage(SDK + "." + pkg)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(SDK + "..")
                        .or(resideInAnyPackage(allowed.toArray(String[]::new))))
                .because(pkg + " may import only " + LAYERS.get(pkg));
    }

    @Test
    void noPackageDependsOnAnotherThatDependsBackOnIt() {
        NO_PACKAGE_CYCLES.check(CORE);
    }

    @Test
    void eachPackageImportsOnlyThePackagesBelowIt() {
        for (String pkg : LAYERS.keySet()) {
            layer(pkg).check(CORE);
        }
    }

    @Test
    void everyPackageHasALayer() {
        List<String> packages = CORE.stream().map(JavaClass::getPackageName).distinct()
                .filter(p -> p.startsWith(SDK + ".")).map(p -> p.substring(SDK.length() + 1)).toList();
        assertThat(LAYERS.keySet()).containsAll(packages);
    }

    @Test
    void nothingImportsTheEntryPoint() {
        noClasses().that().resideOutsideOfPackage(SDK).should().dependOnClassesThat().resideInAPackage(SDK)
                .because("PersonalCare sits alone at the top of the graph").check(CORE);
    }

    @Test
    void domainTypesNeverImportPortsStorageTheGuardOrLogging() {
        DOMAIN_IS_PURE.check(CORE);
    }

    @Test
    void coreDependsOnTheJdkAndSlf4jOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "org.slf4j..", SDK + "..")
                .check(CORE);
    }

    @Test
    void onlyTheEntryPointKnowsTheInMemoryStore() {
        noClasses().that().resideOutsideOfPackages(SDK, SDK + ".store..")
                .should().dependOnClassesThat().resideInAPackage(SDK + ".store..").check(CORE);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Path main = Path.of("src/main/java/io/github/personalcare");
        List<Path> packages;
        try (Stream<Path> s = Files.walk(main)) {
            packages = s.filter(Files::isDirectory).filter(ArchitectureTest::holdsJava).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(packages).isNotEmpty().allSatisfy(d -> assertThat(d.resolve("package-info.java")).exists());
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The rules have teeth: each reports the fixtures that break it. ---------------------------

    @Test
    void aPackageCycleIsReported() {
        JavaClasses cycle = new ClassFileImporter().importClasses(Upper.class, Lower.class);
        assertThat(NO_PACKAGE_CYCLES.evaluate(cycle).hasViolation()).isTrue();
    }

    @Test
    void aConceptPackageReachingSidewaysIsReported() throws ClassNotFoundException {
        JavaClasses fixture = new ClassFileImporter().importClasses(
                Class.forName(SDK + ".careplan.ArchFixturePlanReachingIntoBudget"));
        assertThat(layer("careplan").evaluate(fixture).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("budget.Money"));
    }

    @Test
    void aDomainTypeImportingAPortIsReported() throws ClassNotFoundException {
        JavaClasses fixture = new ClassFileImporter().importClasses(
                Class.forName(SDK + ".careplan.ArchFixturePlanReachingIntoBudget"));
        assertThat(DOMAIN_IS_PURE.evaluate(fixture).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("spi.Storage"));
    }
}
