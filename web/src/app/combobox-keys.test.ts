import { describe, expect, it } from 'vitest';
import { enterChoice } from './combobox-keys.ts';

const items = [
  { code: 'FR', label: 'France' },
  { code: 'PF', label: 'French Polynesia' },
  { code: 'GF', label: 'French Guiana' },
];
const keys = (item: { code: string; label: string }) => [item.code, item.label, `${item.label} (${item.code})`];

describe('enterChoice', () => {
  it('takes the highlighted option', () => {
    expect(enterChoice(items, 1, 'fr', keys)).toEqual(items[1]);
  });
  it('takes the only exact match of a code or a label when nothing is highlighted', () => {
    expect(enterChoice(items, -1, ' fr ', keys)).toEqual(items[0]);
    expect(enterChoice(items, -1, 'french guiana', keys)).toEqual(items[2]);
  });
  it('takes nothing when the text matches no option exactly, or several', () => {
    expect(enterChoice(items, -1, 'fren', keys)).toBeNull();
    expect(enterChoice(items, -1, '', keys)).toBeNull();
    expect(enterChoice([...items, { code: 'XX', label: 'FR' }], -1, 'fr', keys)).toBeNull();
  });
});
