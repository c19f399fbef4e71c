import type { App } from '../platform/context.ts';
import { geotag } from './geotag/geotag.ts';
import { identifyLanguage } from './language/identify.ts';
import { OSINT_READERS } from './osint-view.ts';
import { geotagBody, geotagResponse, languageBody, languageResponse } from './schema.ts';

const BASE = '/api/v1/osint';
const tags = ['osint'];
const read = { access: OSINT_READERS };

/** The understanding of a news item as a service: where it is about, and in which language it is written. */
export function registerUnderstandingRoutes(app: App) {
  app.post(
    `${BASE}/geotag`,
    { config: read, schema: { tags, summary: 'The countries a news text is about, its focus country and the places named (offsets in title or text)', body: geotagBody, response: { 200: geotagResponse } } },
    async (request) => {
      const { title, text, language } = request.body;
      const detected = language ?? identifyLanguage(`${title}. ${text}`).language;
      return { ...geotag({ title, text, language: detected === 'und' ? undefined : detected }), language: detected };
    },
  );
  app.post(
    `${BASE}/language`,
    { config: read, schema: { tags, summary: 'The language of a text among en, fr, es, pt, ru, ar, fa, ur, zh (a prior settles near ties)', body: languageBody, response: { 200: languageResponse } } },
    async (request) => identifyLanguage(request.body.text, { prior: request.body.prior, candidates: request.body.candidates }),
  );
}
