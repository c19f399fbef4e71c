/** The comm module's public face: CENcomm's closed user groups. Others import only from here. */
export { commModule, createCommServices, coordinatesAnOperation } from './module.ts';
export { seedCommDemo } from './demo.ts';
