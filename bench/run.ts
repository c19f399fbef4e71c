import { benchPlatform } from './platform.bench.ts';
import { benchScreening } from './screening.bench.ts';

// `npm run bench`: each module's benchmarks print their figures against the budgets of its issue.
console.log('OpenCEN benchmarks');
await benchPlatform();
await benchScreening();
