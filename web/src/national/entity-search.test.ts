import { describe, expect, it } from 'vitest';
import { searchFieldOf, searchOf } from './entity-search.ts';

describe('entity search text', () => {
  it('sends a name as free text, in any script', () => {
    expect(searchFieldOf('Aleksandr Petrov')).toBe('q');
    expect(searchFieldOf('Александр Петров')).toBe('q');
    expect(searchFieldOf('Acme Trading Ltd')).toBe('q');
  });

  it('recognises an e-mail address and a phone number', () => {
    expect(searchFieldOf('a.petrov@example.org')).toBe('email');
    expect(searchFieldOf('+33 6 12 34 56 78')).toBe('phone');
    expect(searchFieldOf('(01) 234-5678')).toBe('phone');
  });

  it('sends a document number, plate, VIN or container number as an identifier', () => {
    expect(searchFieldOf('CRRP101GI')).toBe('identifier');
    expect(searchFieldOf('WVWPV5U77HL210920')).toBe('identifier');
    expect(searchFieldOf('AB-123-CD')).toBe('identifier');
    expect(searchFieldOf('MSCU1234565')).toBe('identifier');
  });

  it('adds the kind filter and sends nothing for blank text', () => {
    expect(searchOf(' Petrov ', 'person')).toEqual({ q: 'Petrov', kind: 'person' });
    expect(searchOf('CRRP101GI', '')).toEqual({ identifier: 'CRRP101GI' });
    expect(searchOf('   ', 'company')).toBeNull();
  });
});
