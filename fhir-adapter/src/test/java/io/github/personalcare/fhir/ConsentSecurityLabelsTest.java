package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionType;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * v3 security labels on consent provisions written by other systems (R45, clinical safety): a label
 * is never dropped, since it narrows what its provision covers. Codes of the same meaning as an SDK
 * label are read anywhere; a code naming part of a label only on a leaf deny provision, as the whole
 * label (it withholds more, never less); anything else refuses the consent at the coding's path.
 */
class ConsentSecurityLabelsTest {
    private static final String ACT = FhirSystems.V3_ACT_CODE;
    private static final String CONFIDENTIALITY = FhirSystems.V3_CONFIDENTIALITY;

    private final ConsentMapper mapper = new ConsentMapper();
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    /** The carer consent with its provisions replaced by one nested provision of {@code type} with one label. */
    private ObjectNode consent(String type, String system, String code, boolean nested) {
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.carerMaySeeThePlan());
        ObjectNode root = json.putObject("provision");
        ObjectNode p = root.putArray("provision").addObject();
        p.put("type", type);
        p.putArray("securityLabel").addObject().put("system", system).put("code", code);
        if (nested) {
            p.putArray("provision").addObject().put("type", "permit").putArray("purpose").addObject()
                    .put("system", FhirSystems.V3_ACT_REASON).put("code", "TREAT");
        }
        return json;
    }

    private FhirImport<ConsentRecord> read(ObjectNode json) {
        return importer.read(FhirWriter.toJson(json), mapper);
    }

    private static Provision only(FhirImport<ConsentRecord> read) {
        return read.value().terms().provision().provisions().get(0);
    }

    @Test
    @DisplayName("R45 a v3 code the SDK writes for a label (SEX, MH, SUD, HIV) reads as that label on any provision, "
            + "without a warning")
    void theCodesTheSdkWritesReadExactly() {
        for (String type : List.of("permit", "deny")) {
            for (String code : List.of("SEX", "MH", "SUD", "HIV")) {
                FhirImport<ConsentRecord> read = read(consent(type, ACT, code, false));
                assertThat(only(read).labels()).containsExactly(ConsentCodes.V3_LABELS.get(code).label());
                assertThat(read.warnings()).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("R45 ETH (substance abuse) reads as SUBSTANCE_MISUSE on a permit, with a warning SECURITY_LABEL_SYNONYM")
    void aSynonymReadsWithAWarning() {
        FhirImport<ConsentRecord> read = read(consent("permit", ACT, "ETH", false));
        assertThat(only(read).labels()).containsExactly(SensitivityLabel.SUBSTANCE_MISUSE);
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.provision.provision[0].securityLabel[0].code", "SECURITY_LABEL_SYNONYM"));
    }

    @Test
    @DisplayName("R45 a code naming part of a label (PSYTHPN, STD, SICKLE, GDIS, SDV ...) on a leaf deny reads as the "
            + "whole label: SECURITY_LABEL_WIDENED")
    void aPartOnALeafDenyWidensTheDeny() {
        for (var e : ConsentCodes.V3_LABELS.entrySet()) {
            if (e.getValue().fit() != ConsentCodes.LabelFit.PART) {
                continue;
            }
            FhirImport<ConsentRecord> read = read(consent("deny", ACT, e.getKey(), false));
            assertThat(only(read).type()).contains(ProvisionType.DENY);
            assertThat(only(read).labels()).containsExactly(e.getValue().label());
            assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                    .containsExactly(tuple("$.provision.provision[0].securityLabel[0].code", "SECURITY_LABEL_WIDENED"));
        }
    }

    @Test
    @DisplayName("R45 fail closed: a part of a label on a permit, or on a deny with provisions nested in it, is refused "
            + "(SECURITY_LABEL_PART): the whole label would permit more")
    void aPartElsewhereIsRefused() {
        for (ObjectNode json : List.of(consent("permit", ACT, "PSYTHPN", false), consent("deny", ACT, "PSYTHPN", true))) {
            assertThat(FhirJsonForTests.problems(json, mapper)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                    .containsExactly(tuple("$.provision.provision[0].securityLabel[0].code", "SECURITY_LABEL_PART"));
        }
    }

    @Test
    @DisplayName("R45 fail closed: a confidentiality level (v3-Confidentiality R, N ...) or a v3 code naming no SDK label "
            + "(BH, CEL) refuses the consent at the label's path")
    void unmappableLabelsRefuse() {
        assertThat(FhirJsonForTests.problems(consent("deny", CONFIDENTIALITY, "R", false), mapper))
                .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.provision.provision[0].securityLabel[0].code", "SECURITY_LABEL_LEVEL"));
        for (String code : List.of("BH", "CEL")) {
            assertThat(FhirJsonForTests.problems(consent("permit", ACT, code, false), mapper))
                    .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                    .containsExactly(tuple("$.provision.provision[0].securityLabel[0].code", "SECURITY_LABEL"));
        }
        assertThat(FhirJsonForTests.problems(consent("permit", "http://example.org/labels", "X", false), mapper))
                .extracting(ImportProblem::rule).containsExactly("SECURITY_LABEL");
    }

    @Test
    @DisplayName("every SDK label is written as its v3 code with the SDK label in the extension, and reads back exactly")
    void sdkLabelsRoundTripBesideTheirV3Codes() {
        ObjectNode json = consent("permit", ACT, "SEX", false);
        ObjectNode p = (ObjectNode) json.at("/provision/provision/0");
        var labels = p.putArray("securityLabel");
        for (SensitivityLabel l : EnumSet.allOf(SensitivityLabel.class)) {
            ObjectNode coding = labels.addObject();
            coding.putArray("extension").add(SdkExtensions.of(ConsentMapper.LABEL, "Coding",
                    SdkExtensions.coding("sensitivity-label", l)));
            coding.put("system", ConsentCodes.labelSystem(l)).put("code", ConsentCodes.LABEL.code(l));
        }
        ConsentRecord back = read(json).value();
        assertThat(back.terms().provision().provisions().get(0).labels()).containsExactlyElementsOf(
                EnumSet.allOf(SensitivityLabel.class));
        ObjectNode again = mapper.toFhir(back);
        assertThat(FhirWriter.toJson(again.at("/provision/provision/0/securityLabel")))
                .isEqualTo(FhirWriter.toJson(labels));
        assertThat(FhirWriter.toJson(mapper.toFhir(read(again).value()))).isEqualTo(FhirWriter.toJson(again));
    }
}
