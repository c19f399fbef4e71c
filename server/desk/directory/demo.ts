import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { findOrganisationByShortName } from '../../identity/index.ts';
import { textArray } from '../../platform/db/pg-array.ts';
import type { DeskServices } from '../module.ts';
import type { ContactKind, OpeningHours } from './directory-view.ts';

const weekdays = (opens: string, closes: string): OpeningHours[] => [1, 2, 3, 4, 5].map((day) => ({ day, opens, closes }));

type DemoEntry = { org: string; kind: ContactKind; name: string; unit?: string; riskAreas?: string[]; languages: string[]; timeZone: string; alwaysOpen?: boolean; hours?: OpeningHours[]; phone: string; email: string; channels: string[]; notes?: string; monthsSinceConfirmed?: number };

// The demo administrations' contact points (example.org addresses and reserved test numbers, not real ones).
const ENTRIES: DemoEntry[] = [
  { org: 'FR-CUSTOMS', kind: 'cen_ncp', name: 'CEN national contact point', unit: 'DNRED — Intelligence directorate', riskAreas: ['drugs', 'tobacco', 'cash'], languages: ['fr', 'en'], timeZone: 'Europe/Paris', hours: weekdays('08:30', '18:00'), phone: '+33 1 99 00 10 01', email: 'cen-ncp@douane.example.org', channels: ['cen', 'cencomm', 'encrypted_email'] },
  { org: 'FR-CUSTOMS', kind: 'desk_24_7', name: 'Permanent operations room', unit: 'DNRED', riskAreas: ['drugs', 'weapons', 'cash'], languages: ['fr', 'en', 'es'], timeZone: 'Europe/Paris', alwaysOpen: true, phone: '+33 1 99 00 10 24', email: 'ops-24-7@douane.example.org', channels: ['cencomm', 'i24_7'], notes: 'For controlled deliveries and urgent checks at Roissy and Le Havre.' },
  { org: 'FR-CUSTOMS', kind: 'police', name: 'OFAST liaison desk (anti-drug police)', languages: ['fr'], riskAreas: ['drugs'], timeZone: 'Europe/Paris', hours: weekdays('09:00', '17:00'), phone: '+33 1 99 00 20 00', email: 'liaison-douane@ofast.example.org', channels: ['encrypted_email'] },
  { org: 'KE-CUSTOMS', kind: 'cen_ncp', name: 'CEN national contact point', unit: 'Customs Intelligence Unit', riskAreas: ['drugs', 'environment'], languages: ['en', 'sw'], timeZone: 'Africa/Nairobi', hours: weekdays('08:00', '17:00'), phone: '+254 20 990 0101', email: 'cen-ncp@kra.example.org', channels: ['cen', 'cencomm'] },
  { org: 'KE-CUSTOMS', kind: 'desk_24_7', name: 'JKIA cargo targeting centre', riskAreas: ['environment', 'drugs'], languages: ['en', 'sw'], timeZone: 'Africa/Nairobi', alwaysOpen: true, phone: '+254 20 990 0124', email: 'jkia-targeting@kra.example.org', channels: ['cencomm'] },
  { org: 'BR-CUSTOMS', kind: 'cen_ncp', name: 'Ponto de contato nacional CEN', unit: 'COREP — Repressão', riskAreas: ['drugs', 'weapons', 'environment'], languages: ['pt', 'es', 'en'], timeZone: 'America/Sao_Paulo', hours: weekdays('08:00', '18:00'), phone: '+55 61 9900 0101', email: 'cen-ncp@receita.example.org', channels: ['cen', 'cencomm'], monthsSinceConfirmed: 14 },
  { org: 'BE-CUSTOMS', kind: 'cen_ncp', name: 'CEN national contact point', unit: 'National Investigation Directorate', riskAreas: ['drugs', 'tobacco'], languages: ['nl', 'fr', 'en'], timeZone: 'Europe/Brussels', hours: weekdays('08:00', '16:30'), phone: '+32 2 990 01 01', email: 'cen-ncp@fin.example.org', channels: ['cen', 'cencomm'] },
  { org: 'BE-CUSTOMS', kind: 'cencomm', name: 'CENcomm administrator', languages: ['nl', 'fr', 'en'], timeZone: 'Europe/Brussels', hours: weekdays('09:00', '17:00'), phone: '', email: 'cencomm@fin.example.org', channels: ['cencomm'] },
  { org: 'RILO-WE', kind: 'rilo', name: 'RILO Western Europe', unit: 'Analysis desk', riskAreas: ['drugs', 'tobacco', 'ipr', 'cash'], languages: ['en', 'fr', 'de', 'nl'], timeZone: 'Europe/Warsaw', hours: weekdays('08:00', '16:00'), phone: '+48 22 990 01 01', email: 'rilo-we@rilo.example.org', channels: ['cencomm', 'cen'] },
  { org: 'RILO-ESA', kind: 'rilo', name: 'RILO Eastern and Southern Africa', riskAreas: ['environment', 'drugs', 'revenue'], languages: ['en', 'fr', 'pt'], timeZone: 'Africa/Nairobi', hours: weekdays('08:00', '17:00'), phone: '+254 20 990 0200', email: 'rilo-esa@rilo.example.org', channels: ['cencomm', 'cen'] },
  { org: 'WCO-I2C', kind: 'desk_24_7', name: 'I2C help desk', unit: 'Information and Intelligence Centre', riskAreas: ['drugs', 'weapons', 'environment', 'cash', 'ipr', 'tobacco', 'cultural_goods', 'revenue'], languages: ['en', 'fr', 'es', 'ru', 'ar'], timeZone: 'Europe/Brussels', alwaysOpen: true, phone: '+32 2 990 09 99', email: 'i2c-desk@wco.example.org', channels: ['cencomm', 'cen', 'encrypted_email'], notes: 'Watch-list searches on your behalf, firearm traces, contact with another administration.' },
  { org: 'INTERPOL', kind: 'interpol_ncb', name: 'Command and Coordination Centre', languages: ['en', 'fr', 'es', 'ar'], riskAreas: ['weapons', 'drugs', 'cultural_goods'], timeZone: 'Europe/Paris', alwaysOpen: true, phone: '+33 4 99 00 00 01', email: 'ccc@interpol.example.org', channels: ['i24_7'] },
  { org: 'UNODC', kind: 'other', name: 'Container Control Programme', languages: ['en', 'ru', 'es'], riskAreas: ['drugs', 'environment'], timeZone: 'Europe/Vienna', hours: weekdays('09:00', '17:30'), phone: '+43 1 990 0101', email: 'ccp@unodc.example.org', channels: ['encrypted_email'], monthsSinceConfirmed: 13 },
];

/** The contact points of the demo organisations, two of them not confirmed for over a year. */
export async function seedDirectoryDemo(ctx: Pick<AppContext, 'database'>, _services: DeskServices, log: (m: string) => void) {
  const { database } = ctx;
  const [{ n }] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM directory_entries`);
  if (n > 0) return;
  let added = 0;
  for (const e of ENTRIES) {
    const org = await findOrganisationByShortName(database, e.org);
    if (!org) continue;
    await database.rows(sql`INSERT INTO directory_entries (org_id, kind, name, unit, risk_areas, languages, time_zone, always_open, hours, phone, email, secure_channels, notes, confirmed_at)
      VALUES (${org.id}, ${e.kind}, ${e.name}, ${e.unit ?? ''}, ${textArray(e.riskAreas ?? [])}, ${textArray(e.languages)}, ${e.timeZone}, ${e.alwaysOpen ?? false},
        ${JSON.stringify(e.hours ?? [])}::jsonb, ${e.phone}, ${e.email}, ${textArray(e.channels)}, ${e.notes ?? ''}, now() - make_interval(months => ${e.monthsSinceConfirmed ?? 1}))`);
    added++;
  }
  log(`desk: ${added} contact points in the directory`);
}
