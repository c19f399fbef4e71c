import { CronExpressionParser } from 'cron-parser';

/** The first time strictly after `after` that matches `cron` in `timeZone` (IANA name). Throws on a bad expression or zone. */
export function nextCronTime(cron: string, timeZone: string, after: Date): Date {
  try {
    return CronExpressionParser.parse(cron, { currentDate: after, tz: timeZone }).next().toDate();
  } catch (err) {
    throw new Error(`Invalid schedule "${cron}" in time zone ${timeZone}: ${(err as Error).message}`);
  }
}
