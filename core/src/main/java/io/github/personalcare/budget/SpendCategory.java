package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;

import java.util.Set;

/**
 * What a budget line is for, or what a spend bought, as a code: 1–40 uppercase letters, digits
 * or '_'. The constants name the categories R16 excludes by default and common permitted ones;
 * suppliers may use their own codes, and may add codes to the excluded list through
 * {@link BudgetPolicy}.
 */
public record SpendCategory(String code) {
    /** Alcohol. Excluded by default (R16). */
    public static final SpendCategory ALCOHOL = new SpendCategory("ALCOHOL");
    /** Tobacco. Excluded by default (R16). */
    public static final SpendCategory TOBACCO = new SpendCategory("TOBACCO");
    /** Gambling. Excluded by default (R16). */
    public static final SpendCategory GAMBLING = new SpendCategory("GAMBLING");
    /** Repaying debt. Excluded by default (R16). */
    public static final SpendCategory DEBT_REPAYMENT = new SpendCategory("DEBT_REPAYMENT");
    /** Anything unlawful. Excluded by default (R16). */
    public static final SpendCategory ILLEGAL = new SpendCategory("ILLEGAL");
    /** Urgent or emergency care (A&amp;E treatment): the NHS provides it. */
    public static final SpendCategory EMERGENCY_CARE = new SpendCategory("EMERGENCY_CARE");
    /** Seeing a GP and what the GP already provides, such as prescriptions. */
    public static final SpendCategory PRIMARY_MEDICAL_SERVICES = new SpendCategory("PRIMARY_MEDICAL_SERVICES");
    /** Dental treatment: a primary care service the NHS provides. Excluded by default (R16). */
    public static final SpendCategory DENTAL_TREATMENT = new SpendCategory("DENTAL_TREATMENT");

    /** Personal care: help with washing, dressing, eating. */
    public static final SpendCategory PERSONAL_CARE = new SpendCategory("PERSONAL_CARE");
    /** A personal assistant employed by the person (for example through a direct payment). */
    public static final SpendCategory PERSONAL_ASSISTANT = new SpendCategory("PERSONAL_ASSISTANT");
    /** Therapies, such as physiotherapy or talking therapies. */
    public static final SpendCategory THERAPY = new SpendCategory("THERAPY");
    /** Equipment and aids. */
    public static final SpendCategory EQUIPMENT = new SpendCategory("EQUIPMENT");
    /** A wheelchair. */
    public static final SpendCategory WHEELCHAIR = new SpendCategory("WHEELCHAIR");
    /** Respite: a break for the person or their carer. */
    public static final SpendCategory RESPITE = new SpendCategory("RESPITE");
    /** Transport to services and activities in the plan. */
    public static final SpendCategory TRANSPORT = new SpendCategory("TRANSPORT");
    /** Activities that meet the plan's outcomes, such as classes or clubs. */
    public static final SpendCategory ACTIVITIES = new SpendCategory("ACTIVITIES");

    /** The R16 list: excluded for every budget unless an audited override says otherwise. */
    public static final Set<SpendCategory> EXCLUDED_BY_DEFAULT = Set.of(ALCOHOL, TOBACCO, GAMBLING, DEBT_REPAYMENT,
            ILLEGAL, EMERGENCY_CARE, PRIMARY_MEDICAL_SERVICES, DENTAL_TREATMENT);

    /**
     * Checks the code.
     *
     * @param code 1 to 40 uppercase letters, digits or '_'
     * @throws InvalidInputException unless 1–40 uppercase letters, digits or '_'
     */
    public SpendCategory {
        if (code == null || code.isEmpty() || code.length() > 40) {
            throw new InvalidInputException("category", "CODE", "must be 1 to 40 characters");
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                throw new InvalidInputException("category", "CODE", "must be uppercase letters, digits or '_'");
            }
        }
    }

    /**
     * Reads a category code.
     *
     * @param code 1 to 40 uppercase letters, digits or '_'
     * @return the category
     * @throws InvalidInputException unless 1 to 40 uppercase letters, digits or '_'
     */
    public static SpendCategory of(String code) {
        return new SpendCategory(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
