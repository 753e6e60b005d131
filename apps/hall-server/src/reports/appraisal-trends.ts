import { dayOf, type ClerkTrendMonth } from '@onestop/shared';
import { startOfBusinessDay } from '../domain/business-day';
import { monthsEnding } from '../domain/spot-checks';
import type { Db } from '../store/db';
import { round, share } from './figures';
import { meanPct } from './spot-checks';

// A clerk's appraisal month by month (考核趋势, issue 19): visits served and handled within
// target, satisfaction, quiz average (quiz_attempts, slice K's table: read only when it
// exists) and spot-check average. One grouped query per measure over the clerk's indexed rows.

/** One measure's figures for one month, as the queries give them. */
export interface MonthFigures {
  served: number;
  handledWithinTarget: number;
  rated: number;
  satisfied: number;
  quizPcts: number[];
  spotCheckPcts: number[];
}

const empty = (): MonthFigures => ({
  served: 0,
  handledWithinTarget: 0,
  rated: 0,
  satisfied: 0,
  quizPcts: [],
  spotCheckPcts: [],
});

/** Every month of the series, in order, whether or not anything happened in it. */
export function trendSeries(
  months: readonly string[],
  figures: ReadonlyMap<string, MonthFigures>,
): ClerkTrendMonth[] {
  return months.map((month) => {
    const f = figures.get(month) ?? empty();
    const quizAvg = meanPct(f.quizPcts);
    const spotAvg = meanPct(f.spotCheckPcts);
    return {
      month,
      served: f.served,
      handledWithinTarget: f.served === 0 ? null : share(f.handledWithinTarget, f.served),
      rated: f.rated,
      satisfactionRate: f.rated === 0 ? null : share(f.satisfied, f.rated),
      quizAttempts: f.quizPcts.length,
      quizAvgPct: quizAvg === null ? null : round(quizAvg),
      spotChecks: f.spotCheckPcts.length,
      spotCheckAvgPct: spotAvg,
    };
  });
}

const servedSql = `SELECT substr(t.business_day, 1, 7) AS month, count(*) AS served,
    sum(CASE WHEN t.finished_at - t.started_at <= s.target_handle_sec * 1000 THEN 1 ELSE 0 END)
      AS within
  FROM tickets t JOIN services s ON s.id = t.service_id
  WHERE t.serving_staff_id = ? AND t.business_day >= ? AND t.state = 'done'
    AND t.started_at IS NOT NULL AND t.finished_at IS NOT NULL
  GROUP BY month`;

const ratedSql = `SELECT substr(t.business_day, 1, 7) AS month, count(*) AS rated,
    sum(CASE WHEN e.score IN ('very_satisfied', 'satisfied') THEN 1 ELSE 0 END) AS satisfied
  FROM evaluations e JOIN tickets t ON t.id = e.ticket_id
  WHERE e.staff_id = ? AND t.business_day >= ? AND e.score IS NOT NULL
  GROUP BY month`;

const spotChecksSql = `SELECT substr(business_day, 1, 7) AS month, total_pct AS pct
  FROM spot_checks WHERE staff_id = ? AND business_day >= ?`;

const quizSql = `SELECT finished_at AS finishedAt, score_pct AS pct FROM quiz_attempts
  WHERE staff_id = ? AND finished_at >= ? AND score_pct IS NOT NULL`;

function tableExists(db: Db, name: string): boolean {
  return (
    db
      .prepare<[string], 1>("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
      .pluck()
      .get(name) !== undefined
  );
}

/** The last `months` months of one clerk, the current (of `today`) included, oldest first. */
export function clerkTrend(
  db: Db,
  staffId: string,
  today: string,
  months: number,
  timeZone: string,
): ClerkTrendMonth[] {
  const series = monthsEnding(today.slice(0, 7), months);
  const firstDay = `${series[0]}-01`;
  const figures = new Map<string, MonthFigures>();
  const at = (month: string) => {
    let f = figures.get(month);
    if (!f) figures.set(month, (f = empty()));
    return f;
  };
  const served = db.prepare<[string, string], { month: string; served: number; within: number }>(
    servedSql,
  );
  for (const r of served.all(staffId, firstDay)) {
    at(r.month).served = r.served;
    at(r.month).handledWithinTarget = r.within;
  }
  const rated = db.prepare<[string, string], { month: string; rated: number; satisfied: number }>(
    ratedSql,
  );
  for (const r of rated.all(staffId, firstDay)) {
    at(r.month).rated = r.rated;
    at(r.month).satisfied = r.satisfied;
  }
  const checks = db.prepare<[string, string], { month: string; pct: number }>(spotChecksSql);
  for (const r of checks.all(staffId, firstDay)) at(r.month).spotCheckPcts.push(r.pct);
  if (tableExists(db, 'quiz_attempts')) {
    const quiz = db.prepare<[string, number], { finishedAt: number; pct: number }>(quizSql);
    for (const r of quiz.all(staffId, startOfBusinessDay(firstDay, timeZone)))
      at(dayOf(r.finishedAt, timeZone).slice(0, 7)).quizPcts.push(r.pct);
  }
  return trendSeries(series, figures);
}
