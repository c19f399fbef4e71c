import { benchPlatform } from './platform.bench.ts';
import { benchScreening } from './screening.bench.ts';
import { benchSeizures } from './seizures.bench.ts';
import { benchComm } from './comm.bench.ts';
import { benchNames } from './names.bench.ts';
import { benchEntities } from './entities.bench.ts';
import { benchNationalPush } from './national-push.bench.ts';
import { benchAlerts } from './alerts.bench.ts';
import { benchTaxii } from './taxii.bench.ts';
import { benchDesk } from './desk.bench.ts';
import { benchDataRequests } from './data-requests.bench.ts';
import { benchOsint } from './osint.bench.ts';

// `npm run bench`: each module's benchmarks print their figures against the budgets of its issue.
// `npm run bench -- screening` (or several names) runs only those parts.
const PARTS: Record<string, () => Promise<void>> = { platform: benchPlatform, screening: benchScreening, comm: benchComm, seizures: benchSeizures, names: benchNames, entities: benchEntities, push: benchNationalPush, alerts: benchAlerts, taxii: benchTaxii, desk: benchDesk, 'data-requests': benchDataRequests, osint: benchOsint };
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !(a in PARTS));
if (unknown.length) throw new Error(`Unknown benchmark part ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
console.log('OpenCEN benchmarks');
for (const [name, run] of Object.entries(PARTS)) if (!asked.length || asked.includes(name)) await run();
