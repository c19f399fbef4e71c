import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import type { Principal } from '../platform/http/access.ts';
import { recentSeizureIds } from '../seizures/index.ts';
import { rngOf, type Rng } from '../platform/seeded-random.ts';
import { PARTICIPATION_ROLES, type ParticipationRole } from './entity-view.ts';
import type { NationalServices } from './module.ts';

// The demo nCEN of French customs: persons and companies in several scripts, vehicles and containers, linked
// to French seizures and to each other, a few of them recorded twice under another spelling (to merge).

const GIVEN = ['Jean', 'Marie', 'Karim', 'Fatima', 'Ivan', 'Olga', 'Wei', 'Li', 'Ahmed', 'Sofia', 'Lucas', 'Amina', 'Dmitri', 'Chen', 'Youssef', 'Elena', 'Omar', 'Ana', 'Pierre', 'Nadia'];
const FAMILY = ['Martin', 'Bernard', 'Benali', 'Haddad', 'Petrov', 'Ivanova', 'Zhang', 'Wang', 'Mansour', 'Rossi', 'Moreau', 'Diallo', 'Smirnov', 'Liu', 'El Amrani', 'Popescu', 'Nasser', 'Silva', 'Dubois', 'Kovacs'];
/** The same people as they appear on documents in their own script. */
const NATIVE = ['Иван Петров', 'Ольга Иванова', 'Дмитрий Смирнов', 'أحمد منصور', 'يوسف العمراني', 'عمر ناصر', 'Zhang Wei', 'Liu Chen', 'Wang Li'];
const COMPANY_WORDS = ['Atlas', 'Orient', 'Baltic', 'Sahara', 'Rhone', 'Silk Road', 'Nord', 'Mistral', 'Delta', 'Horizon', 'Meridian', 'Cedar'];
const COMPANY_TRADES = ['Trading', 'Logistics', 'Import Export', 'Freight', 'Distribution', 'Shipping'];
const COMPANY_FORMS = ['SARL', 'SAS', 'Ltd', 'LLC', 'GmbH', 'AO', 'JSC'];
const NATIONALITIES = ['FR', 'MA', 'DZ', 'RU', 'CN', 'NG', 'ES', 'RO', 'TR', 'UA'];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
const letters = (rng: Rng, n: number) => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPRSTVWXYZ'[Math.floor(rng() * 22)]).join('');
const birthDate = (rng: Rng) => `${1960 + Math.floor(rng() * 45)}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;

export const DEMO_PERSONS = 300;
export const DEMO_COMPANIES = 100;
export const DEMO_VEHICLES = 40;

export async function seedNationalDemo(ctx: Pick<AppContext, 'database'>, services: NationalServices, log: (m: string) => void): Promise<void> {
  const { database } = ctx;
  const [{ seeded }] = await database.rows<{ seeded: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM national_entities) AS seeded`);
  if (seeded) return;
  const [officer] = await database.rows<{ id: string; orgId: string }>(sql`SELECT id, org_id AS "orgId" FROM identity_users WHERE username = 'ncen.officer'`);
  if (!officer) return;
  const started = Date.now();
  const actor: Principal = { userId: officer.id, orgId: officer.orgId, roles: ['nominal_read', 'nominal_write'], via: 'session', secondFactorPending: false };
  const purpose = 'demo data';
  const rng = rngOf(33);
  const { entities, cases } = services;
  const seizures = (await recentSeizureIds(database, officer.orgId, 120)).map((id) => ({ id }));

  const persons: string[] = [];
  for (let i = 0; i < DEMO_PERSONS; i++) {
    const native = i < NATIVE.length * 3 ? NATIVE[i % NATIVE.length] : null;
    const name = native ?? `${pick(rng, GIVEN)} ${pick(rng, FAMILY)}`;
    const fields = {
      names: [name],
      birthDate: birthDate(rng),
      nationalities: [pick(rng, NATIONALITIES)],
      gender: pick(rng, ['female', 'male'] as const),
      documents: rng() < 0.7 ? [{ type: 'passport', number: `${letters(rng, 2)}${digits(rng, 7)}`, country: pick(rng, NATIONALITIES) }] : [],
      phones: rng() < 0.6 ? [`+33 6 ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)}`] : [],
    };
    persons.push((await entities.create(actor, { kind: 'person', fields, purpose })).id);
  }
  const companies: string[] = [];
  for (let i = 0; i < DEMO_COMPANIES; i++) {
    const fields = {
      names: [`${pick(rng, COMPANY_WORDS)} ${pick(rng, COMPANY_TRADES)} ${pick(rng, COMPANY_FORMS)}`],
      country: pick(rng, NATIONALITIES),
      registrationNumber: digits(rng, 9),
      vatNumber: `FR${digits(rng, 11)}`,
    };
    companies.push((await entities.create(actor, { kind: 'company', fields, purpose })).id);
  }
  const vehicles: string[] = [];
  for (let i = 0; i < DEMO_VEHICLES; i++) {
    const fields = { type: 'vehicle', plate: `${letters(rng, 2)}-${digits(rng, 3)}-${letters(rng, 2)}`, plateCountry: pick(rng, ['FR', 'ES', 'BE', 'DE']) };
    vehicles.push((await entities.create(actor, { kind: 'transport', fields, purpose })).id);
  }
  // Each recent seizure: one to three persons, often a company, sometimes a vehicle.
  const roles: ParticipationRole[] = ['suspect', 'courier', 'driver'];
  for (const s of seizures) {
    const n = 1 + Math.floor(rng() * 3);
    for (let k = 0; k < n; k++) await entities.linkSeizure(actor, pick(rng, persons), s.id, pick(rng, roles));
    if (rng() < 0.6) await entities.linkSeizure(actor, pick(rng, companies), s.id, pick(rng, ['consignor', 'consignee', 'importer'] as const));
    if (rng() < 0.3) await entities.linkSeizure(actor, pick(rng, vehicles), s.id, 'other');
  }
  for (let i = 0; i < 80; i++) await entities.link(actor, pick(rng, persons), pick(rng, companies), rng() < 0.7 ? 'employee_of' : 'director_of');
  for (let i = 0; i < 30; i++) await entities.link(actor, pick(rng, persons), pick(rng, vehicles), 'uses_vehicle');
  // Two cases, each grouping a few seizures and their people.
  for (const [offenceType, legalBasis] of [['Drug trafficking', 'Code des douanes, art. 414'], ['Cigarette smuggling', 'Code des douanes, art. 215']] as const) {
    const c = await cases.create(actor, { offenceType, legalBasis, status: 'under_investigation' });
    for (const s of seizures.slice(0, 3)) await cases.addSeizure(actor, c.id, s.id);
    for (let k = 0; k < 4; k++) await cases.addEntity(actor, c.id, pick(rng, persons), pick(rng, PARTICIPATION_ROLES));
  }
  log(`demo nCEN loaded in ${Date.now() - started} ms: ${persons.length} persons, ${companies.length} companies, ${vehicles.length} vehicles linked to ${seizures.length} seizures`);
}
