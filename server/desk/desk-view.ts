// Who uses the I2C desk (dependency-free: the web app imports it too). The server enforces these on every route.

/** Every signed-in member and partner may look up a contact point. */
export const DIRECTORY_READERS = ['admin', 'ncp', 'rilo_analyst', 'i2c_officer', 'partner', 'viewer'] as const;
/** Those who keep their own organisation's entries current. */
export const DIRECTORY_EDITORS = ['admin', 'ncp', 'rilo_analyst', 'i2c_officer'] as const;
/** The I2C officers who run the desk: help-desk queue, data-request decisions, regional pictures. */
export const I2C_STAFF = ['i2c_officer'] as const;

export const canReadDirectory = (roles: readonly string[]) => DIRECTORY_READERS.some((r) => roles.includes(r));
export const canEditDirectory = (roles: readonly string[]) => DIRECTORY_EDITORS.some((r) => roles.includes(r));
export const isI2cStaff = (roles: readonly string[]) => I2C_STAFF.some((r) => roles.includes(r));
