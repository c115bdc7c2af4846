-- B2 baseline: the score and grade of every MEDICAL_INSTITUTION and PHARMACY as of one date (the single `?`),
-- in one statement, straight from `events`. It hand-codes the version 1 rule set of libs/credit
-- (default-org-rule-set.ts; bench/b2-full-rescore.ts refuses to run when the stored rule set differs) and
-- mirrors rateOrganisation step by step, so that its answer can be compared subject by subject.
-- Scope: score and grade. Not covered: the flags, terminationRecommended (priorGrades) and onSevereList (the
-- full rescore does not pass it). Decision numbers are compared as bytes, as JavaScript does ('a' and 'A' are
-- different cases); type, status and kind columns hold the validated upper-case enum values. bench/check-org-scores-sql.ts checks this file against libs/credit on edge cases.
WITH
params AS (SELECT CAST(? AS DATE) AS as_of),

-- countingEvents(): FINAL and UNDER_APPEAL only, decided on or before asOf, of a type the rule set scores.
-- INVESTIGATION_HOLD is left out: 0 points, no cap, no modifiers, and it is a repeat family of its own.
-- Decision order is (decided_on, id) with the id compared AS A NUMBER (compareDecisionOrder: "9" before "10"),
-- which is the BIGINT column's own order; id_key keeps the name the windows below use.
counting AS (
  SELECT e.subject_id, e.type, e.decision_no, e.decided_on, e.amount_involved_fen, e.fine_multiple,
         e.self_reported, e.inspection_kind, e.assessment_result,
         e.id AS id_key
    FROM events e
    -- one scan of events, each joined to its subject by primary key (the optimizer's default, subjects first
    -- with a lookup per event through ix_events_subject, takes twice as long)
    STRAIGHT_JOIN subjects s ON s.id = e.subject_id
   CROSS JOIN params p
   WHERE s.type IN ('MEDICAL_INSTITUTION', 'PHARMACY')
     AND e.status IN ('FINAL', 'UNDER_APPEAL')
     AND e.decided_on <= p.as_of
     AND e.type IN ('INTERVIEW', 'PAYMENT_DENIED', 'BREACH_FEE', 'PENALTY_ART39', 'PENALTY_ART38',
                    'AGREEMENT_SUSPENDED', 'PENALTY_ART40', 'AGREEMENT_TERMINATED', 'POLICE_REFERRAL_CONFIRMED',
                    'ANNUAL_ASSESSMENT', 'CREDIT_COMMITMENT', 'COMMENDATION')
),

-- RepeatTracker, part 1. An event repeats when an earlier event of the same type, of ANOTHER case (same
-- non-empty decision_no = same case), was decided less than 12 months before it; expired events count too.
-- Within one (subject, type) in decision order, a run is a maximal stretch of one case; the latest earlier
-- event of another case is always the row just before the current run starts.
runs AS (
  SELECT c.*,
         LAG(c.decided_on) OVER w AS prev_decided_on,
         CASE WHEN c.decision_no <> ''
                   AND CAST(c.decision_no AS BINARY) = CAST(LAG(c.decision_no) OVER w AS BINARY)
              THEN 0 ELSE 1 END AS run_start
    FROM counting c
  WINDOW w AS (PARTITION BY c.subject_id, c.type ORDER BY c.decided_on, c.id_key)
),

-- RepeatTracker, part 2: the run-start dates never decrease along the order, so a running MAX carries the
-- current run's "latest event of another case" to every row of the run.
repeats AS (
  SELECT r.*,
         MAX(CASE WHEN r.run_start = 1 THEN r.prev_decided_on END)
           OVER (PARTITION BY r.subject_id, r.type ORDER BY r.decided_on, r.id_key ROWS UNBOUNDED PRECEDING)
           AS other_case_decided_on
    FROM runs r
),

-- tallyEvents() + orgEventPoints(): drop expired events (asOf >= decidedOn + window months; the calendar
-- month arithmetic of DATE_ADD clamps to the month end like libs/credit addMonths), then base points, then
-- the modifiers on deductions of findings only, multiplied as exact decimals and rounded once, halves away
-- from zero (ROUND on DECIMAL), which is what roundPoints does.
scored AS (
  SELECT x.subject_id, x.type, x.decision_no, x.decided_on, x.id_key,
         CASE WHEN x.modifiable = 1 AND x.base < 0
              THEN ROUND(x.base
                         * CASE WHEN x.inspection_kind = 'FLIGHT' THEN 1.2 ELSE 1 END
                         * CASE WHEN x.self_reported <> 0 THEN 0.5 ELSE 1 END
                         * CASE WHEN x.other_case_decided_on IS NOT NULL
                                     AND x.decided_on < DATE_ADD(x.other_case_decided_on, INTERVAL 12 MONTH)
                                THEN 1.5 ELSE 1 END)
              ELSE x.base END AS points
    FROM (
      SELECT rp.*,
             CASE rp.type
               WHEN 'INTERVIEW' THEN -10
               -- −5, and −1 per whole 10,000 yuan (1,000,000 fen), never below −50
               WHEN 'PAYMENT_DENIED' THEN GREATEST(-50, -5 - COALESCE(rp.amount_involved_fen, 0) DIV 1000000)
               WHEN 'BREACH_FEE' THEN -20
               WHEN 'PENALTY_ART39' THEN -50
               WHEN 'PENALTY_ART38' THEN CASE WHEN rp.fine_multiple >= 1.5 THEN -150 ELSE -100 END
               WHEN 'AGREEMENT_SUSPENDED' THEN -200
               WHEN 'PENALTY_ART40' THEN -400
               WHEN 'ANNUAL_ASSESSMENT' THEN CASE rp.assessment_result
                                               WHEN 'EXCELLENT' THEN 50 WHEN 'GOOD' THEN 20 WHEN 'FAIL' THEN -50
                                               ELSE 0 END
               WHEN 'CREDIT_COMMITMENT' THEN 10
               WHEN 'COMMENDATION' THEN 30
               ELSE 0 -- AGREEMENT_TERMINATED, POLICE_REFERRAL_CONFIRMED: a grade cap, no points
             END AS base,
             CASE WHEN rp.type IN ('ANNUAL_ASSESSMENT', 'CREDIT_COMMITMENT', 'COMMENDATION') THEN 0 ELSE 1 END
               AS modifiable
        FROM repeats rp
       CROSS JOIN params p
       WHERE p.as_of < DATE_ADD(rp.decided_on, INTERVAL CASE
               WHEN rp.type IN ('INTERVIEW', 'PAYMENT_DENIED', 'BREACH_FEE', 'ANNUAL_ASSESSMENT', 'CREDIT_COMMITMENT') THEN 12
               WHEN rp.type IN ('PENALTY_ART39', 'PENALTY_ART38', 'COMMENDATION') THEN 24
               ELSE 36 END MONTH)
    ) x
),

-- SameIndicatorOnce: of the live events with one non-empty decision_no and type, only the one with the
-- largest |points| counts (the earliest on a tie); the others count 0.
kept AS (
  SELECT sc.subject_id, sc.type,
         CASE WHEN sc.decision_no IS NULL OR sc.decision_no = '' THEN sc.points
              WHEN ROW_NUMBER() OVER (PARTITION BY sc.subject_id, sc.type, CAST(sc.decision_no AS BINARY)
                                      ORDER BY ABS(sc.points) DESC, sc.decided_on, sc.id_key) = 1 THEN sc.points
              ELSE 0 END AS points
    FROM scored sc
),

-- Per subject: deductions, bonuses (capped at +150 below) and the worst grade cap in force (1 = D, 2 = E).
totals AS (
  SELECT k.subject_id,
         SUM(CASE WHEN k.points < 0 THEN k.points ELSE 0 END) AS negative_points,
         SUM(CASE WHEN k.points > 0 THEN k.points ELSE 0 END) AS positive_points,
         MAX(CASE WHEN k.type IN ('AGREEMENT_TERMINATED', 'POLICE_REFERRAL_CONFIRMED') THEN 2
                  WHEN k.type = 'PENALTY_ART40' THEN 1 ELSE 0 END) AS grade_cap
    FROM kept k
   GROUP BY k.subject_id
)

-- Base 850, bounds 0–1000; grade: a cap wins, then NOT_RATED for agreements younger than 6 months, then the
-- thresholds A ≥ 900, B ≥ 800, C ≥ 650, else D. Subjects without counting events get 850 and their grade.
SELECT z.subject_id, z.score,
       CASE WHEN z.grade_cap = 2 THEN 'E'
            WHEN z.grade_cap = 1 THEN 'D'
            WHEN z.agreement_signed_on IS NOT NULL
                 AND z.as_of < DATE_ADD(z.agreement_signed_on, INTERVAL 6 MONTH) THEN 'NOT_RATED'
            WHEN z.score >= 900 THEN 'A'
            WHEN z.score >= 800 THEN 'B'
            WHEN z.score >= 650 THEN 'C'
            ELSE 'D' END AS grade
  FROM (
    SELECT s.id AS subject_id, s.agreement_signed_on, p.as_of, COALESCE(t.grade_cap, 0) AS grade_cap,
           LEAST(1000, GREATEST(0, 850 + COALESCE(t.negative_points, 0) + LEAST(COALESCE(t.positive_points, 0), 150)))
             AS score
      FROM subjects s
     CROSS JOIN params p
      LEFT JOIN totals t ON t.subject_id = s.id
     WHERE s.type IN ('MEDICAL_INSTITUTION', 'PHARMACY')
  ) z
