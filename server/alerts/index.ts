/**
 * The alerts module's public face (RILO and GRAN): alerts, distribution lists and intelligence profiles.
 * It reads the seizures module's published views (`seizures_validated`, `seizure_lines`) and identity's
 * directory views; other modules import only from here.
 */
export { createAlertsModule, type AlertServices } from './module.ts';
export type * from './alert-view.ts';
export { RISK_AREAS } from './alert-view.ts';
