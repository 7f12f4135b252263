package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The short generated narrative ({@code text}, status {@code generated}) every resource the SDK
 * writes carries (FHIR dom-6). It says only what kind of resource it is: never a name, a free
 * text or anything else of the patient's, so it can add no personal data to what the resource
 * holds. {@link Elements#resource} puts it on every resource, so a resource type added later has
 * it too. On import a generated narrative is accepted and ignored ({@link FhirElement#ignoreAllBut}).
 */
final class Narratives {
    /** The XHTML namespace FHIR requires on the narrative's {@code div}. */
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private Narratives() {
    }

    /** The narrative of a resource of {@code resourceType}: "Care plan" for {@code CarePlan}. */
    static ObjectNode forType(String resourceType) {
        return of(words(resourceType));
    }

    /** A generated narrative of one paragraph holding {@code summary}, XML-escaped. */
    static ObjectNode of(String summary) {
        ObjectNode text = Elements.object();
        text.put("status", "generated");
        text.put("div", "<div xmlns=\"" + XHTML + "\"><p>" + escape(summary) + "</p></div>");
        return text;
    }

    /** {@code CarePlan} as "Care plan", {@code QuestionnaireResponse} as "Questionnaire response". */
    static String words(String resourceType) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < resourceType.length(); i++) {
            char c = resourceType.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
