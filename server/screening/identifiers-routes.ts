import { z } from 'zod';
import type { App } from '../platform/context.ts';
import { IDENTIFIER_KINDS, validateIdentifier } from './identifiers/index.ts';
import { MAX_INPUT_LENGTH } from './identifiers/read-input.ts';

/**
 * The body is refused (400) only when it is not the right shape; a value that its standard refuses is
 * a normal answer (200, valid: false), because telling why is what this call is for. The body limit is
 * well above MAX_INPUT_LENGTH so that an over-long value gets that answer rather than a bare 400.
 */
const validateBody = z.object({
  kind: z.enum(IDENTIFIER_KINDS, { message: `must be one of: ${IDENTIFIER_KINDS.join(', ')}` }),
  value: z.string({ message: 'must be a string' }).max(MAX_INPUT_LENGTH * 8, `must be at most ${MAX_INPUT_LENGTH * 8} characters`),
});

const checkDigit = z.object({ value: z.string(), expected: z.string(), holds: z.boolean() });

const mrzFields = z.object({
  format: z.enum(['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B']),
  documentType: z.string().optional(),
  issuingState: z.string().optional(),
  surname: z.string().optional(),
  givenNames: z.string().optional(),
  documentNumber: z.string(),
  documentNumberCheck: checkDigit,
  nationality: z.string(),
  birthDate: z.string().describe('YYMMDD as written; < for an unknown digit'),
  birthDateCheck: checkDigit,
  sex: z.enum(['F', 'M', 'unspecified']),
  expiryDate: z.string().describe('YYMMDD as written'),
  expiryDateCheck: checkDigit,
  optionalData: z.string(),
  optionalDataCheck: checkDigit.optional(),
  optionalData2: z.string().optional(),
  compositeCheck: checkDigit.optional(),
});

const vinFields = z.object({
  wmi: z.string(),
  vds: z.string(),
  vis: z.string(),
  checkDigit: checkDigit.describe('North-American check digit in position 9; a wrong one only warns'),
  modelYearCode: z.string(),
  modelYears: z.array(z.number().int()),
});

const containerFields = z.object({
  ownerCode: z.string(),
  categoryIdentifier: z.enum(['U', 'J', 'Z']),
  category: z.string(),
  serialNumber: z.string(),
  checkDigit,
});

const imoFields = z.object({
  number: z.string(),
  type: z.enum(['ship', 'company', 'ship or company']),
  shipCheck: checkDigit,
  companyCheck: checkDigit,
});

const firearmSerialFields = z.object({ ncicMatchKey: z.string().describe('the serial without letters between digits, as NCIC matches') });
const documentNumberFields = z.object({ mrzCheckDigit: z.string(), fitsMrzField: z.boolean() });

const resultOf = <K extends (typeof IDENTIFIER_KINDS)[number], F extends z.ZodType>(kind: K, fields: F) =>
  z.object({
    kind: z.literal(kind),
    valid: z.boolean(),
    normalised: z.string(),
    folded: z.string().describe('normalised, with OCR confusions folded (O/0, I/1, B/8, S/5, Z/2)'),
    fields: fields.optional(),
    warnings: z.array(z.string()),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
  });

const validateReply = z.discriminatedUnion('kind', [
  resultOf('mrz', mrzFields),
  resultOf('vin', vinFields),
  resultOf('container', containerFields),
  resultOf('imo', imoFields),
  resultOf('firearm_serial', firearmSerialFields),
  resultOf('document_number', documentNumberFields),
]);

export function registerIdentifierRoutes(app: App): void {
  app.post(
    '/api/v1/screening/identifiers/validate',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['screening'],
        summary: 'Check an identifier against its standard (ICAO 9303 MRZ, ISO 3779 VIN, ISO 6346 container, IMO, firearm serial, travel document number)',
        description:
          'Answers 200 whether or not the value is valid: `valid`, the `normalised` and `folded` search keys, parsed `fields`, `warnings` that never invalidate (e.g. a VIN check digit, which European VINs need not carry), and located `errors`.',
        body: validateBody,
        response: { 200: validateReply },
      },
    },
    async (request) => validateIdentifier(request.body.kind, request.body.value),
  );
}
