package io.github.personalcare.patient;

import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person who receives care, as the SDK knows them: internal id, NHS number (at most one, R2)
 * and its verification status, name, date of birth (for the age rules R18, R46–R48), flags, the
 * registered GP practice, when known the date of death, and the Gillick-competence assessments
 * of a child (R46).
 *
 * <p>{@link #toString()} shows only the internal id: the rest is personal data.
 */
public record Patient(
        PatientId id,
        NhsNumber nhsNumber,
        NhsNumberVerification verification,
        PersonName name,
        LocalDate dateOfBirth,
        Set<PatientFlag> flags,
        Optional<OdsCode> registeredPractice,
        Optional<LocalDate> dateOfDeath,
        List<CompetenceAssessment> competence) {

    /** Who "assessed" competence read from the deprecated global flag: cited as such. */
    public static final UserId LEGACY_FLAG = UserId.of("legacy-gillick-flag");

    /** Most competence assessments kept on one record. */
    public static final int MAX_ASSESSMENTS = 50;

    /**
     * Checks the record: id, NHS number, its verification, name and date of birth are required, and
     * a date of death is not before the date of birth. Absent flags, practice and date of death
     * become empty.
     *
     * @param id                 the internal id
     * @param nhsNumber          the NHS number (R2: one per patient)
     * @param verification       how far the NHS number has been verified against PDS
     * @param name               the name the person uses
     * @param dateOfBirth        the date of birth
     * @param flags              the flags, such as {@link PatientFlag#COMPLEX_NEEDS}
     * @param registeredPractice the registered GP practice, if known
     * @param dateOfDeath        the date of death, if recorded
     * @param competence         the Gillick-competence assessments (R46), at most {@link #MAX_ASSESSMENTS}
     * @throws InvalidInputException if a required component is missing, the date of death is
     *                               before the date of birth, or there are too many assessments
     */
    public Patient {
        Require.present("id", id);
        Require.present("nhsNumber", nhsNumber);
        Require.present("nhsNumberVerification", verification);
        Require.present("name", name);
        Require.present("dateOfBirth", dateOfBirth);
        // EnumSet keeps the flags in declaration order, so output is stable.
        flags = flags == null || flags.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(Require.set("flags", flags)));
        registeredPractice = registeredPractice == null ? Optional.empty() : registeredPractice;
        dateOfDeath = dateOfDeath == null ? Optional.empty() : dateOfDeath;
        if (dateOfDeath.isPresent() && dateOfDeath.get().isBefore(dateOfBirth)) {
            throw new InvalidInputException("dateOfDeath", "DATE", "must not be before the date of birth");
        }
        competence = Require.list("competence", competence, MAX_ASSESSMENTS);
    }

    /**
     * A patient with no competence assessment.
     *
     * @param id                 the internal id
     * @param nhsNumber          the NHS number (R2: one per patient)
     * @param verification       how far the NHS number has been verified against PDS
     * @param name               the name the person uses
     * @param dateOfBirth        the date of birth
     * @param flags              the flags, such as {@link PatientFlag#COMPLEX_NEEDS}
     * @param registeredPractice the registered GP practice, if known
     * @param dateOfDeath        the date of death, if recorded
     * @throws InvalidInputException if a required component is missing or the date of death is
     *                               before the date of birth
     */
    public Patient(PatientId id, NhsNumber nhsNumber, NhsNumberVerification verification, PersonName name,
            LocalDate dateOfBirth, Set<PatientFlag> flags, Optional<OdsCode> registeredPractice,
            Optional<LocalDate> dateOfDeath) {
        this(id, nhsNumber, verification, name, dateOfBirth, flags, registeredPractice, dateOfDeath, List.of());
    }

    /**
     * The assessment in force for this kind of decision on {@code date} if it found the child
     * Gillick competent: the latest one assessed on or before that date (R46).
     *
     * @param decision the kind of decision
     * @param date     the UK date on which the assessment must be in force
     * @return the assessment in force, if it found the child competent; empty if there is none or it
     *         found the child not competent
     */
    @SuppressWarnings("deprecation")
    public Optional<CompetenceAssessment> gillickCompetenceFor(CompetenceDecision decision, LocalDate date) {
        CompetenceAssessment latest = null;
        for (CompetenceAssessment a : competence) {
            if (a.decision() == decision && !a.assessedOn().isAfter(date)
                    && (latest == null || !a.assessedOn().isBefore(latest.assessedOn()))) {
                latest = a;
            }
        }
        if (latest == null && flags.contains(PatientFlag.GILLICK_COMPETENT)) {
            // a record flagged before assessments existed keeps what the flag granted until a
            // clinician records an assessment for this kind of decision
            return Optional.of(new CompetenceAssessment(decision, true, LEGACY_FLAG, dateOfBirth));
        }
        return latest != null && latest.competent() ? Optional.of(latest) : Optional.empty();
    }

    /**
     * A copy with one more competence assessment (R46).
     *
     * @param assessment the assessment to add
     * @return the copy
     * @throws InvalidInputException if {@code assessment} is missing or the record would hold more
     *                               than {@link #MAX_ASSESSMENTS}
     */
    public Patient withAssessment(CompetenceAssessment assessment) {
        Require.present("assessment", assessment);
        List<CompetenceAssessment> next = new ArrayList<>(competence);
        next.add(assessment);
        return new Patient(id, nhsNumber, verification, name, dateOfBirth, flags, registeredPractice, dateOfDeath,
                next);
    }

    /**
     * True if the patient has the flag.
     *
     * @param flag the flag to look for
     * @return whether the patient has it
     */
    public boolean has(PatientFlag flag) {
        return flags.contains(flag);
    }

    /**
     * Age in whole years on the given date (a UK local date).
     *
     * @param date the date, in UK local time
     * @return the age in whole years
     */
    public int ageOn(LocalDate date) {
        // Period.between(dateOfBirth, date).getYears() without the Period (a decision asks on every
        // proxy or patient request): whole months between the dates, less one when the day of the
        // month is not yet reached (more one going backwards), in years truncated towards zero
        long months = (date.getYear() * 12L + date.getMonthValue()) - (dateOfBirth.getYear() * 12L
                + dateOfBirth.getMonthValue());
        int days = date.getDayOfMonth() - dateOfBirth.getDayOfMonth();
        if (months > 0 && days < 0) {
            months--;
        } else if (months < 0 && days > 0) {
            months++;
        }
        return Math.toIntExact(months / 12);
    }

    /**
     * True if a date of death is recorded on or before {@code date}.
     *
     * @param date the date, in UK local time
     * @return whether the patient had died on or before that date
     */
    public boolean isDeceasedOn(LocalDate date) {
        return dateOfDeath.map(d -> !d.isAfter(date)).orElse(false);
    }

    /**
     * A copy with the given flags.
     *
     * @param newFlags the flags that replace the current ones; null or empty for none
     * @return the copy
     */
    public Patient withFlags(Set<PatientFlag> newFlags) {
        return new Patient(id, nhsNumber, verification, name, dateOfBirth, newFlags, registeredPractice, dateOfDeath,
                competence);
    }

    /**
     * A copy with a date of death.
     *
     * @param date the date of death
     * @return the copy
     * @throws InvalidInputException if {@code date} is before the date of birth
     * @throws NullPointerException if {@code date} is null
     */
    public Patient withDateOfDeath(LocalDate date) {
        return new Patient(id, nhsNumber, verification, name, dateOfBirth, flags, registeredPractice, Optional.of(date),
                competence);
    }

    /** A copy without the registered practice, for a viewer from whom R49 withholds it. */
    Patient withoutRegisteredPractice() {
        return new Patient(id, nhsNumber, verification, name, dateOfBirth, flags, Optional.empty(), dateOfDeath,
                competence);
    }

    @Override
    public String toString() {
        return "Patient[" + id + "]";
    }
}
