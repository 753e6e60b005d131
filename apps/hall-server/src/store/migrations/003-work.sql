-- Issue 4 (work post): evaluations, alerts, cases, support tasks, follow-ups, handovers.
-- Filled in by that work; this placeholder keeps the numbering without gaps.
SELECT 1;
