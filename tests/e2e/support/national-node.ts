/** The national node (nCEN) the browser tests start beside the hub: another port can be chosen when two runs share a machine. */
export const NATIONAL_PORT = Number(process.env.OPENCEN_E2E_NATIONAL_PORT ?? 8299);
export const NATIONAL_BASE_URL = `http://localhost:${NATIONAL_PORT}`;

/** France's nCEN officer (nominal_read, nominal_write and ncp), seeded on a national node only (server/demo/seed.ts). */
export const NCEN_OFFICER = { username: 'ncen.officer', displayName: 'Sophie Leroy' };
