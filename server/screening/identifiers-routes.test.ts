import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../platform/http/server.ts';
import { loadConfig } from '../platform/config.ts';
import { registerIdentifierRoutes } from './identifiers-routes.ts';

let http: HttpServer;
beforeAll(async () => {
  http = await createHttpServer(loadConfig({}), false);
  http.setAuthenticator(async (req) =>
    req.headers.authorization ? { userId: 'u', orgId: 'o', roles: ['viewer'], via: 'token', secondFactorPending: false } : null,
  );
  registerIdentifierRoutes(http.app);
  await http.app.ready();
});
afterAll(async () => {
  await http?.app.close();
});

const URL = '/api/v1/screening/identifiers/validate';
const validate = (payload: unknown, auth = true) =>
  http.app.inject({ method: 'POST', url: URL, payload: payload as object, headers: auth ? { authorization: 'Bearer x' } : {} });

describe('POST /api/v1/screening/identifiers/validate', () => {
  it('parses the Doc 9303 specimen passport', async () => {
    const res = await validate({
      kind: 'mrz',
      value: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'mrz',
      valid: true,
      warnings: [],
      errors: [],
      fields: {
        format: 'TD3',
        documentType: 'P',
        issuingState: 'UTO',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        documentNumber: 'L898902C3',
        documentNumberCheck: { value: '6', expected: '6', holds: true },
        nationality: 'UTO',
        birthDate: '740812',
        sex: 'F',
        expiryDate: '120415',
        optionalData: 'ZE184226B',
        compositeCheck: { value: '0', expected: '0', holds: true },
      },
    });
  });

  it('answers a wrong check digit with 200, valid false and a located error', async () => {
    const res = await validate({ kind: 'mrz', value: 'L898902C33UTO7408122F1204159ZE184226B<<<<<10' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.valid).toBe(false);
    expect(body.errors).toContainEqual({ field: 'documentNumber', message: 'line 2, position 10: check digit of the document number is 3, expected 6' });
    expect(body.fields.documentNumberCheck).toEqual({ value: '3', expected: '6', holds: false });
  });

  it('answers a malformed zone with 200 and no fields', async () => {
    const res = await validate({ kind: 'mrz', value: 'P<UTO#' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: false, errors: [{ field: 'format' }, { field: 'characters', message: "line 1, position 6: '#' is not allowed in an MRZ (only A-Z, 0-9 and <)" }] });
    expect(res.json().fields).toBeUndefined();
  });

  it('answers every kind with its keys and fields', async () => {
    const cases = [
      { kind: 'vin', value: '1g4ah59h45g118341', normalised: '1G4AH59H45G118341', fields: { wmi: '1G4', modelYears: [2005, 2035] } },
      { kind: 'container', value: 'CSQU 305438 3', normalised: 'CSQU3054383', fields: { ownerCode: 'CSQ', categoryIdentifier: 'U' } },
      { kind: 'imo', value: 'IMO 9074729', normalised: '9074729', fields: { type: 'ship' } },
      { kind: 'firearm_serial', value: '369-j 257', normalised: '369J257', fields: { ncicMatchKey: '369257' } },
      { kind: 'document_number', value: 'l898 902 c3', normalised: 'L898902C3', fields: { mrzCheckDigit: '6' } },
    ];
    for (const { kind, value, normalised, fields } of cases) {
      const res = await validate({ kind, value });
      expect(res.statusCode, kind).toBe(200);
      expect(res.json(), kind).toMatchObject({ kind, valid: true, normalised, fields, errors: [] });
    }
  });

  it('returns the OCR-folded key', async () => {
    expect((await validate({ kind: 'container', value: 'CSQU3054383' })).json().folded).toBe('C5QU3054383');
  });

  it('keeps a VIN with a wrong North-American check digit valid, with a warning', async () => {
    const body = (await validate({ kind: 'vin', value: '1G4AH59H55G118341' })).json();
    expect(body.valid).toBe(true);
    expect(body.warnings[0]).toMatch(/^position 9: check digit is 5, expected 4/);
  });

  it('answers forbidden characters, empty and over-long values with 200 and an explanation', async () => {
    expect((await validate({ kind: 'vin', value: '1G4AH59H45GO18341' })).json()).toMatchObject({
      valid: false,
      errors: [{ field: 'value', message: 'position 12: the letter O is not used in a VIN (ISO 3779); did you mean 0?' }],
    });
    expect((await validate({ kind: 'imo', value: '' })).json()).toMatchObject({ valid: false, errors: [{ message: 'is empty' }] });
    expect((await validate({ kind: 'container', value: 'C'.repeat(300) })).json()).toMatchObject({
      valid: false,
      errors: [{ message: 'is 300 characters long; at most 256 are read' }],
    });
  });

  it('refuses a body of the wrong shape with a problem naming the field', async () => {
    const kind = await validate({ kind: 'passport', value: 'X' });
    expect(kind.statusCode).toBe(400);
    expect(kind.headers['content-type']).toMatch(/problem\+json/);
    expect(kind.json().errors[0]).toMatchObject({ field: 'body.kind', message: 'must be one of: mrz, vin, container, imo, firearm_serial, document_number' });
    expect((await validate({ kind: 'vin' })).json().errors[0].field).toBe('body.value');
    expect((await validate({ kind: 'vin', value: 17 })).json().errors[0]).toMatchObject({ field: 'body.value', message: 'must be a string' });
    const huge = await validate({ kind: 'vin', value: 'A'.repeat(5000) });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0]).toMatchObject({ field: 'body.value', message: 'must be at most 2048 characters' });
    const notJson = await http.app.inject({ method: 'POST', url: URL, payload: '{', headers: { authorization: 'Bearer x', 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
  });

  it('needs a signed-in caller', async () => {
    expect((await validate({ kind: 'vin', value: '1G4AH59H45G118341' }, false)).statusCode).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await http.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths[URL].post.requestBody).toBeDefined();
    expect(http.routes).toContainEqual({ method: 'POST', url: URL, access: 'authenticated', tokens: true });
  });
});
