package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.prescription.RepeatMedicine;
import io.github.personalcare.prescription.RepeatStatus;

/**
 * A {@link RepeatMedicine} as a UK Core MedicationStatement: the medicine the patient is taking on
 * repeat, for record views that list current medication. Export only: the authorisation, with
 * everything needed to read the repeat back, is the MedicationRequest of
 * {@link MedicationRequestMapper}, which this statement is {@code basedOn}.
 *
 * <ul>
 *   <li>{@code id}: the repeat medicine's id; {@code basedOn} → {@code MedicationRequest/<same id>}.</li>
 *   <li>{@code status}: ACTIVE → active, STOPPED → stopped (with {@code statusReason.text}).</li>
 *   <li>{@code medicationCodeableConcept}: the dm+d code and name; {@code subject} → Patient;
 *       {@code effectivePeriod} from the authorisation to the stop date (open while active);
 *       {@code dateAsserted}: the authorisation date; {@code informationSource} → the prescriber;
 *       {@code dosage[0].text}: the dose.</li>
 * </ul>
 */
public final class MedicationStatementMapper {
    /** A mapper; stateless and thread-safe. */
    public MedicationStatementMapper() {
    }

    /**
     * The MedicationStatement of a repeat medicine.
     *
     * @param m the repeat medicine
     * @return the resource, with its elements in a fixed order
     */
    public ObjectNode toFhir(RepeatMedicine m) {
        String id = m.id().value().toString();
        ObjectNode r = Elements.resource("MedicationStatement", id, FhirSystems.UKCORE_MEDICATION_STATEMENT);
        r.putArray("basedOn").add(Elements.reference("MedicationRequest", id));
        r.put("status", m.status() == RepeatStatus.ACTIVE ? "active" : "stopped");
        m.stopReason().ifPresent(reason -> r.putArray("statusReason").addObject().put("text", reason));
        r.set("medicationCodeableConcept", MedicationRequestMapper.medication(m.medicine()));
        r.set("subject", Elements.reference("Patient", m.patient().value().toString()));
        ObjectNode period = r.putObject("effectivePeriod");
        period.put("start", m.authorisedOn().toString());
        m.stoppedOn().ifPresent(d -> period.put("end", d.toString()));
        r.put("dateAsserted", m.authorisedOn().toString());
        r.set("informationSource", PractitionerMapper.referenceTo(m.authorisedBy()));
        r.putArray("dosage").addObject().put("text", m.terms().dose());
        return r;
    }
}
