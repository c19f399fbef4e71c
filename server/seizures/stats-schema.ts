import { z } from 'zod';
import { searchFilters } from './schema.ts';

/**
 * The dashboard, map and annual report answers. Quantities are summed per unit after converting
 * grams to kilograms (a kilogram and a piece do not add up).
 */
const quantity = z.object({ unit: z.string(), quantity: z.number() });
const counted = z.object({ code: z.string(), seizures: z.number() });

export const statsQuery = searchFilters.extend({
  year: z.coerce.number().int().min(1990, 'must be 1990 or later').max(2100, 'must be 2100 or earlier').optional().describe('Default: the current year; compared with the year before'),
});

export const statsReply = z.object({
  year: z.number(),
  /** This year against last, per category. */
  byCategory: z.array(z.object({ category: z.string(), seizures: z.number(), lastYearSeizures: z.number(), quantities: z.array(quantity), lastYearQuantities: z.array(quantity) })),
  /** Seizures and kilograms per month and category, this year and last. */
  monthly: z.array(z.object({ month: z.string().describe('YYYY-MM'), category: z.string(), seizures: z.number(), kilograms: z.number() })),
  topRoutes: z.array(z.object({ departure: z.string(), destination: z.string(), seizures: z.number() })),
  topConcealment: z.array(counted),
  topDetection: z.array(counted),
  byCountry: z.array(counted),
  byRegion: z.array(counted),
  totals: z.object({ seizures: z.number(), lastYearSeizures: z.number() }),
});

export const mapReply = z.object({
  countries: z.array(z.object({ country: z.string(), seizures: z.number(), lat: z.number().nullable(), lng: z.number().nullable() })),
  flows: z.array(z.object({ departure: z.string(), destination: z.string(), seizures: z.number(), from: z.tuple([z.number(), z.number()]).nullable(), to: z.tuple([z.number(), z.number()]).nullable() })),
});

export const reportQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  category: z.string().trim().toUpperCase().min(1).max(40),
});

export const reportReply = z.object({
  year: z.number(),
  category: z.string(),
  seizures: z.number(),
  lastYearSeizures: z.number(),
  countriesReporting: z.number(),
  quantities: z.array(quantity),
  lastYearQuantities: z.array(quantity),
  bySubcategory: z.array(z.object({ subcategory: z.string().nullable(), seizures: z.number(), quantities: z.array(quantity) })),
  byRegion: z.array(counted.extend({ quantities: z.array(quantity) })),
  topCountries: z.array(counted.extend({ quantities: z.array(quantity) })),
  monthly: z.array(z.object({ month: z.string(), seizures: z.number(), kilograms: z.number() })),
  topRoutes: z.array(z.object({ departure: z.string(), destination: z.string(), seizures: z.number() })),
  topConcealment: z.array(counted),
  topDetection: z.array(counted),
  byTransport: z.array(counted),
  largest: z.array(z.object({ id: z.string(), reference: z.string(), seizedAt: z.string(), country: z.string(), quantity: z.number(), unit: z.string(), subcategory: z.string().nullable() })),
});
