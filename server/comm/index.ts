/** The comm module's public face: CENcomm's closed user groups. Others import only from here. */
export { createCommModule, createCommServices, coordinatesAnOperation, type CommDeps, type CommServices } from './module.ts';
export { warningsByNumber, type WarningLabel } from './warning-labels.ts';
