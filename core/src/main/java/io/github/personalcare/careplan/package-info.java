/**
 * Personalised care and support plans (§1): one plan per person, drafted with them and their
 * carers, agreed by the person (or an authorised representative) and co-signed by the lead
 * professional, then reviewed into new versions. Start at
 * {@link io.github.personalcare.careplan.CarePlanService}; the aggregate is
 * {@link io.github.personalcare.careplan.CarePlan}, its sections are in
 * {@link io.github.personalcare.careplan.CarePlanContent} and its lifecycle in
 * {@link io.github.personalcare.careplan.PlanStatus}. Rules R6–R13 live here; who may do what is
 * {@link io.github.personalcare.careplan.CarePlanAuthorship}. Depends on patient, careteam, identity, access, event, spi and internal (the guard).
 */
package io.github.personalcare.careplan;
