// What the newsletter API answers, without runtime imports: the server builds these and the web app reads them.

/** Which newsletter it is and the period it covers, kept with it and shown in its heading. */
export interface NewsletterMeta {
  kind: 'daily' | 'on_demand';
  localDay: string;
  timeZone: string;
  periodStart: string;
  periodEnd: string;
  generatedAt: string;
}

/** One newsletter of the operation's archive (the daily one or one asked for by the OCU). */
export interface NewsletterSummary extends NewsletterMeta {
  id: string;
  generatedBy: string | null;
  recipients: number;
  seizures: number;
}
