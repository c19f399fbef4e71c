/**
 * The desk module's public face (the I2C desk): contact-points directory, help desk, requests for WCO data,
 * customs–police cooperation diagnostic. It reads identity's directory views; other modules import only from here.
 */
export { createDeskModule, type DeskServices } from './module.ts';
