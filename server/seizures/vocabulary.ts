// The closed vocabularies of a seizure record, with no imports: the server's schemas and the web app's
// forms read the same lists (reference data covers the open ones: countries, HS codes, methods).
export const STATUSES = ['draft', 'submitted', 'validated', 'returned'] as const;
export const PROVENANCES = ['entered', 'imported', 'cencomm', 'national'] as const;
export const LOCATION_TYPES = ['airport', 'seaport', 'land_border', 'inland', 'postal_express', 'rail', 'other'] as const;
export const DIRECTIONS = ['import', 'export', 'transit', 'domestic'] as const;
export const TRANSPORT_MODES = ['air', 'sea', 'road', 'rail', 'postal', 'pedestrian', 'other'] as const;
export const CONVEYANCE_TYPES = [
  'passenger',
  'baggage',
  'air_cargo',
  'sea_container',
  'bulk_cargo',
  'private_vehicle',
  'truck',
  'bus',
  'vessel',
  'aircraft',
  'train',
  'mail',
  'express_courier',
  'other',
] as const;
export const UNITS = ['kg', 'g', 'l', 'pieces', 'cartons', 'sticks', 'heads', 'doses', 'other'] as const;
export const LEG_ROLES = ['departure', 'transit', 'destination'] as const;
export const GENDERS = ['male', 'female', 'unknown'] as const;
export const AGE_BANDS = ['under_18', '18_25', '26_35', '36_45', '46_55', '56_plus', 'unknown'] as const;

export const MAX_LINES = 50;
export const MAX_LEGS = 20;
/** A seizure photo's size limit (the API refuses larger; the form says so before sending). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
