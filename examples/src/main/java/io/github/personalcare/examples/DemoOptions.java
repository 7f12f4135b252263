package io.github.personalcare.examples;

import io.github.personalcare.lang.ConfigurationException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The demo's command line: {@code --jdbc-url URL} (default: the in-memory storage) and
 * {@code --fhir-out FILE} (default {@code target/demo/patient-bundle.json}) and
 * {@code --fhir-server URL} (a FHIR R4 base URL to push the record to and read it back from; default: none)
 * and {@code --fhir-relay} (with {@code --fhir-server}: the outbox relay also sends each of the
 * story's events to that server as the write it implies, while the story is told).
 */
record DemoOptions(Optional<String> jdbcUrl, Path fhirOut, Optional<String> fhirServer, boolean fhirRelay) {
    static final Path DEFAULT_FHIR_OUT = Path.of("target", "demo", "patient-bundle.json");

    static DemoOptions parse(String... args) {
        Optional<String> jdbcUrl = Optional.empty();
        Path fhirOut = DEFAULT_FHIR_OUT;
        Optional<String> fhirServer = Optional.empty();
        boolean fhirRelay = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--jdbc-url") || arg.equals("--fhir-out") || arg.equals("--fhir-server")) {
                if (i + 1 >= args.length) {
                    throw new ConfigurationException(arg, "needs a value");
                }
                String value = args[++i];
                if (arg.equals("--jdbc-url")) {
                    jdbcUrl = Optional.of(value);
                } else if (arg.equals("--fhir-server")) {
                    fhirServer = Optional.of(value);
                } else {
                    fhirOut = Path.of(value);
                }
            } else if (arg.startsWith("--jdbc-url=")) {
                jdbcUrl = Optional.of(arg.substring("--jdbc-url=".length()));
            } else if (arg.startsWith("--fhir-out=")) {
                fhirOut = Path.of(arg.substring("--fhir-out=".length()));
            } else if (arg.equals("--fhir-relay")) {
                fhirRelay = true;
            } else if (arg.startsWith("--fhir-server=")) {
                fhirServer = Optional.of(arg.substring("--fhir-server=".length()));
            } else {
                throw new ConfigurationException(arg, "unknown option; use --jdbc-url URL, --fhir-out FILE, --fhir-server URL and --fhir-relay");
            }
        }
        if (fhirRelay && fhirServer.isEmpty()) {
            throw new ConfigurationException("--fhir-relay", "needs --fhir-server URL");
        }
        return new DemoOptions(jdbcUrl, fhirOut, fhirServer, fhirRelay);
    }
}
