package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.personalcare.lang.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FhirImporterTest {
    @Test
    void theCallersStreamIsLeftOpen() {
        AtomicBoolean closed = new AtomicBoolean();
        byte[] body = FhirWriter.toJson(new OrganizationMapper().toFhir(Fixtures.PRACTICE)).getBytes(StandardCharsets.UTF_8);
        var in = new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        assertThat(new FhirImporter(FhirLimits.DEFAULT).read(in, new OrganizationMapper()).value())
                .isEqualTo(Fixtures.PRACTICE);
        assertThat(closed).isFalse();
    }

    @Test
    void limitsMustBePositive() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> new FhirLimits(0, 64, 1000, 64))
                .satisfies(e -> assertThat(e.option()).isEqualTo("maxBytes"));
    }

    @Test
    void aBodyExactlyAtTheLimitIsRead() {
        String body = FhirWriter.toJson(new OrganizationMapper().toFhir(Fixtures.PRACTICE));
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        FhirImporter exact = new FhirImporter(FhirLimits.DEFAULT.withMaxBytes(size));
        assertThat(exact.read(body, new OrganizationMapper()).value()).isEqualTo(Fixtures.PRACTICE);
        FhirImporter oneShort = new FhirImporter(FhirLimits.DEFAULT.withMaxBytes(size - 1));
        assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> oneShort.read(body, new OrganizationMapper()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("LIMIT"));
    }

    @Test
    void textInMemoryIsMeasuredInUtf8BytesAsABodyIs() {
        // Two-, three- and four-byte characters (in the generated narrative, which import skips): a text of fewer characters than the limit may
        // still be more bytes than it, and is refused as the same bytes sent as a body are.
        String body = FhirWriter.toJson(new OrganizationMapper().toFhir(Fixtures.PRACTICE))
                .replace("<p>Organization</p>", "<p>Organization \u00e9\u20ac\ud83d\ude00</p>");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isEqualTo(body.length() + 1 + 2 + 2);
        assertThat(FhirJson.longerInUtf8Than(body, bytes.length)).isFalse();
        assertThat(FhirJson.longerInUtf8Than(body, bytes.length - 1)).isTrue();
        assertThat(FhirJson.longerInUtf8Than(body, body.length() - 1L)).isTrue();
        assertThat(FhirJson.longerInUtf8Than(body, body.length() * 3L)).isFalse();
        FhirImporter exact = new FhirImporter(FhirLimits.DEFAULT.withMaxBytes(bytes.length));
        assertThat(exact.read(body, new OrganizationMapper()).value()).isEqualTo(Fixtures.PRACTICE);
        FhirImporter oneShort = new FhirImporter(FhirLimits.DEFAULT.withMaxBytes(bytes.length - 1));
        FhirImportException fromText = catchThrowableOfType(FhirImportException.class,
                () -> oneShort.read(body, new OrganizationMapper()));
        FhirImportException fromBody = catchThrowableOfType(FhirImportException.class,
                () -> oneShort.read(new ByteArrayInputStream(bytes), new OrganizationMapper()));
        assertThat(fromText.problems()).isEqualTo(fromBody.problems());
        assertThat(fromText.rule()).isEqualTo("LIMIT");
    }

    @Test
    void exportAndImportLogNoPersonalData() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            PatientRecordMapper mapper = new PatientRecordMapper();
            String bundle = FhirWriter.toJson(mapper.toFhir(PatientRecord.of(Fixtures.ada(), Fixtures.adaAudit())));
            new FhirImporter(FhirLimits.DEFAULT).read(bundle, mapper);
            assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> new FhirImporter(FhirLimits.DEFAULT)
                    .read(bundle.replace("9434765870", "9434765871"), mapper));
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("943476587") || m.contains("Lovelace"));
    }
}
