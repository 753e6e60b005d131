import type { HallDaySummary } from '@onestop/shared';
import type { Queryable } from './db';

// The regional office's cross-hall view: per hall per business day, tickets, waits to the first
// call, the satisfaction rate of rated services, and opinions — read from the records the halls
// sent (the hall's own column names, inside `data`).

const WAIT = `((data->>'first_called_at')::bigint - (data->>'issued_at')::bigint) / 1000.0`;

export async function hallDaySummaries(
  db: Queryable,
  range: { from: string; to: string; hallId?: string },
): Promise<HallDaySummary[]> {
  const rows = await db.query<{
    hall_id: string;
    day: string;
    tickets: number | null;
    served: number | null;
    no_shows: number | null;
    wait_mean: number | string | null;
    wait_p90: number | string | null;
    rated: number | null;
    satisfied: number | null;
    dissatisfied: number | null;
    opinions: number | null;
  }>(
    `WITH scope AS (
       SELECT hall_id, business_day, source_table, data FROM hall_records
       WHERE business_day BETWEEN $1::date AND $2::date
         AND source_table IN ('tickets', 'evaluations', 'opinions')
         AND ($3::text IS NULL OR hall_id = $3::text)),
     t AS (
       SELECT hall_id, business_day, count(*)::int AS tickets,
         (count(*) FILTER (WHERE data->>'state' = 'done'))::int AS served,
         (count(*) FILTER (WHERE data->>'state' = 'no_show'))::int AS no_shows,
         (avg(${WAIT}) FILTER (WHERE data->>'first_called_at' IS NOT NULL))::float8 AS wait_mean,
         (percentile_cont(0.9) WITHIN GROUP (ORDER BY ${WAIT})
           FILTER (WHERE data->>'first_called_at' IS NOT NULL))::float8 AS wait_p90
       FROM scope WHERE source_table = 'tickets' GROUP BY hall_id, business_day),
     e AS (
       SELECT hall_id, business_day,
         (count(*) FILTER (WHERE data->>'state' = 'rated'))::int AS rated,
         (count(*) FILTER (WHERE data->>'score' IN ('very_satisfied', 'satisfied')))::int AS satisfied,
         (count(*) FILTER (WHERE data->>'score' = 'dissatisfied'))::int AS dissatisfied
       FROM scope WHERE source_table = 'evaluations' GROUP BY hall_id, business_day),
     o AS (
       SELECT hall_id, business_day, count(*)::int AS opinions
       FROM scope WHERE source_table = 'opinions' GROUP BY hall_id, business_day)
     SELECT hall_id, business_day::text AS day, tickets, served, no_shows, wait_mean, wait_p90,
       rated, satisfied, dissatisfied, opinions
     FROM t FULL JOIN e USING (hall_id, business_day) FULL JOIN o USING (hall_id, business_day)
     ORDER BY business_day, hall_id`,
    [range.from, range.to, range.hallId ?? null],
  );
  const round = (v: number | string | null) =>
    v === null ? null : Math.round(Number(v) * 10) / 10;
  return rows.map((r) => ({
    hallId: r.hall_id,
    day: r.day,
    tickets: r.tickets ?? 0,
    served: r.served ?? 0,
    noShows: r.no_shows ?? 0,
    waitMeanSec: round(r.wait_mean),
    waitP90Sec: round(r.wait_p90),
    rated: r.rated ?? 0,
    satisfactionRate: r.rated ? Math.round(((r.satisfied ?? 0) / r.rated) * 1000) / 1000 : null,
    dissatisfied: r.dissatisfied ?? 0,
    opinions: r.opinions ?? 0,
  }));
}
