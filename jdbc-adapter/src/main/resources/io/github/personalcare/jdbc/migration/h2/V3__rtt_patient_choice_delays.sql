-- R36 corrected: RTT clocks have had no patient pauses since 1 October 2015. A pause recorded by an
-- earlier version becomes a local patient-choice delay note, kept with the same dates, which never
-- moves the clock; the commands and events that recorded pauses, in stored referrals and in undelivered
-- or dead-lettered outbox events (Transitioned included), are renamed to match. Only JSON keys
-- and enum or class names are rewritten: an unescaped quote cannot occur inside a JSON string value.
UPDATE referral
   SET doc = REPLACE(REPLACE(REPLACE(doc,
             '"pauses":', '"patientChoiceDelays":'),
             '"PAUSE_CLOCK"', '"START_PATIENT_CHOICE_DELAY"'),
             '"RESUME_CLOCK"', '"END_PATIENT_CHOICE_DELAY"')
 WHERE doc LIKE '%"pauses":%' OR doc LIKE '%"PAUSE_CLOCK"%' OR doc LIKE '%"RESUME_CLOCK"%';
UPDATE outbox
   SET doc = REPLACE(REPLACE(doc,
             'ReferralEvent$ClockPaused"', 'ReferralEvent$PatientChoiceDelayStarted"'),
             'ReferralEvent$ClockResumed"', 'ReferralEvent$PatientChoiceDelayEnded"'),
       event_type = CASE event_type WHEN 'referral.clock_paused' THEN 'referral.patient_choice_delay_started'
                                    ELSE 'referral.patient_choice_delay_ended' END
 WHERE event_type IN ('referral.clock_paused', 'referral.clock_resumed');
UPDATE outbox_dead_letter
   SET doc = REPLACE(REPLACE(doc,
             'ReferralEvent$ClockPaused"', 'ReferralEvent$PatientChoiceDelayStarted"'),
             'ReferralEvent$ClockResumed"', 'ReferralEvent$PatientChoiceDelayEnded"'),
       event_type = CASE event_type WHEN 'referral.clock_paused' THEN 'referral.patient_choice_delay_started'
                                    ELSE 'referral.patient_choice_delay_ended' END
 WHERE event_type IN ('referral.clock_paused', 'referral.clock_resumed');
UPDATE outbox
   SET doc = REPLACE(REPLACE(doc,
             '"PAUSE_CLOCK"', '"START_PATIENT_CHOICE_DELAY"'),
             '"RESUME_CLOCK"', '"END_PATIENT_CHOICE_DELAY"')
 WHERE event_type = 'referral.transitioned'
   AND (doc LIKE '%"PAUSE_CLOCK"%' OR doc LIKE '%"RESUME_CLOCK"%');
UPDATE outbox_dead_letter
   SET doc = REPLACE(REPLACE(doc,
             '"PAUSE_CLOCK"', '"START_PATIENT_CHOICE_DELAY"'),
             '"RESUME_CLOCK"', '"END_PATIENT_CHOICE_DELAY"')
 WHERE event_type = 'referral.transitioned'
   AND (doc LIKE '%"PAUSE_CLOCK"%' OR doc LIKE '%"RESUME_CLOCK"%');
