package io.github.personalcare.fhir;

import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * The code lists of the supplier the tests play: every specialty, referral reason, appointment
 * cancellation reason and spend category that the fixtures and generators of this module use,
 * published complete with {@link SdkConformance#bundle(SupplierCodes)} and loaded into the validator
 * ({@link #validator()}), so the exports validate with no "Unknown code in fragment CodeSystem".
 */
final class TestSupplierCodes {
    /** The spend categories of the supplier's own list, beside the SDK's named ones, as the generators draw them. */
    static final List<String> OWN_SPEND_CATEGORIES = List.of("A", "Z_7", "GARDENING", "MUSIC_LESSONS", "SWIMMING",
            "LAUNDRY", "PERSONAL_CARE_7", "DAY_CENTRE", "HOLIDAY_RESPITE", "SMART_HOME_EQUIPMENT",
            "A_VERY_LONG_CATEGORY_CODE_OF_FORTY_CHARS");

    static final SupplierCodes CODES = codes();

    private TestSupplierCodes() {
    }

    /** {@return the shared validator that holds these lists complete} */
    static UkCoreValidator validator() {
        return UkCoreValidator.withConformance(FhirWriter.toJson(SdkConformance.bundle(CODES)));
    }

    private static SupplierCodes codes() {
        SupplierCodes.Builder b = SupplierCodes.builder();
        for (String s : List.of("BREAST_SURGERY", "CARDIOLOGY", "DERMATOLOGY", "ENT", "GYNAECOLOGY", "UROLOGY_2")) {
            b.add(SupplierCodes.CodeList.SPECIALTY, s, SdkConformance.display(s));
        }
        for (String r : List.of("PATIENT_REQUEST", "NO_LONGER_REQUIRED", "SERVICE_NOT_APPROPRIATE", "A1")) {
            b.add(SupplierCodes.CodeList.REFERRAL_REASON, r, SdkConformance.display(r));
        }
        for (String r : List.of("PATIENT_REQUEST", "CLINIC_CANCELLED", "REBOOKED")) {
            b.add(SupplierCodes.CodeList.APPOINTMENT_CANCELLATION_REASON, r, SdkConformance.display(r));
        }
        for (Field f : SpendCategory.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == SpendCategory.class) {
                try {
                    String code = ((SpendCategory) f.get(null)).code();
                    b.add(SupplierCodes.CodeList.SPEND_CATEGORY, code, SdkConformance.display(code));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        OWN_SPEND_CATEGORIES.forEach(c -> b.add(SupplierCodes.CodeList.SPEND_CATEGORY, c, SdkConformance.display(c)));
        return b.build();
    }
}
