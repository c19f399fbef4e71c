/**
 * Errors as RFC 9457 problem details. Services throw `Problem`; the HTTP layer
 * renders it as application/problem+json. `errors` names each offending field.
 */
export interface FieldError {
  field: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    public status: number,
    public title: string,
    public detail?: string,
    public errors?: FieldError[],
    public type = 'about:blank',
  ) {
    super(detail ?? title);
  }

  toJSON(instance?: string) {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new Problem(400, 'Bad Request', detail, errors);
export const invalidField = (field: string, message: string) => new Problem(422, 'Unprocessable Content', `${field}: ${message}`, [{ field, message }]);
export const unauthorized = (detail = 'Authentication is required.') => new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail = 'You are not allowed to do this.') => new Problem(403, 'Forbidden', detail);
export const notFound = (what = 'Resource') => new Problem(404, 'Not Found', `${what} not found.`);
export const conflict = (detail: string, errors?: FieldError[]) => new Problem(409, 'Conflict', detail, errors);
export const tooMany = (detail: string) => new Problem(429, 'Too Many Requests', detail);
export const payloadTooLarge = (detail: string) => new Problem(413, 'Content Too Large', detail);
