import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { enterChoice } from '../app/combobox-keys.ts';
import { Field, describedBy } from '../app/forms.tsx';
import { referenceQueryKey, searchReference, type ReferenceItem, type ReferenceKind } from './reference-api.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

export interface TypeaheadProps {
  id: string;
  kind: ReferenceKind;
  label: string;
  /** The chosen code, or null when nothing is chosen. */
  value: string | null;
  onChange(code: string | null, item: ReferenceItem | null): void;
  /** Follows what the user types, before a choice is made. */
  onTextChange?(text: string): void;
  error?: string;
  hint?: string;
  required?: boolean;
  limit?: number;
  className?: string;
}

const DEBOUNCE_MS = 250;

export function describeItem(item: ReferenceItem): string {
  return item.label && item.label !== item.code ? `${item.label} (${item.code})` : item.code;
}

const itemKeys = (item: ReferenceItem) => [item.code, item.label, describeItem(item)];

/**
 * A combobox over one kind of reference data, following the WAI-ARIA combobox
 * pattern: type to search, arrows to move, Enter to choose, Escape to close.
 */
export function Typeahead({ id, kind, label, value, onChange, onTextChange, error, hint, required, limit = 10, className }: TypeaheadProps) {
  const { t, i18n } = useTranslation();
  const listId = `${id}-listbox`;
  const statusId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<ReferenceItem | null>(null);
  // Enter pressed before the search for the typed text came back: resolved when it does.
  const [enterPending, setEnterPending] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);

  const term = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useQuery({
    queryKey: referenceQueryKey(kind, term, i18n.language, limit),
    queryFn: () => searchReference(kind, term, i18n.language, limit),
    enabled: open,
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
  const items = open ? (search.data?.items ?? []) : [];
  const settled = term === text.trim() && !search.isFetching;

  // A code given from outside (a saved form) is shown with its label.
  const needsLabel = !!value && chosen?.code !== value;
  const lookup = useQuery({
    queryKey: referenceQueryKey(kind, value ?? '', i18n.language, 20),
    queryFn: () => searchReference(kind, value ?? '', i18n.language, 20),
    enabled: needsLabel,
    staleTime: 5 * 60_000,
  });
  useEffect(() => {
    if (!value) {
      if (chosen) {
        setChosen(null);
        setText('');
      }
      return;
    }
    if (chosen?.code === value) return;
    const found = lookup.data?.items.find((item) => item.code.toLowerCase() === value.toLowerCase());
    const item = found ?? { code: value, label: value };
    if (found || lookup.isError || lookup.data) {
      setChosen(item);
      setText(describeItem(item));
    } else {
      setText(value);
    }
  }, [value, chosen, lookup.data, lookup.isError]);

  useEffect(() => {
    if (active < 0 || !listRef.current) return;
    listRef.current.querySelector(`#${CSS.escape(`${id}-option-${active}`)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  const choose = (item: ReferenceItem) => {
    setChosen(item);
    setText(describeItem(item));
    setOpen(false);
    setActive(-1);
    onChange(item.code, item);
  };

  useEffect(() => {
    if (!enterPending || !settled) return;
    setEnterPending(false);
    const item = enterChoice(items, -1, text, itemKeys);
    if (item) choose(item);
  });

  const type = (next: string) => {
    setText(next);
    setOpen(true);
    setActive(-1);
    setEnterPending(false);
    onTextChange?.(next);
    if (chosen || value) {
      setChosen(null);
      onChange(null, null);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((i) => Math.min(i + 1, items.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive((i) => Math.max(i - 1, -1));
        break;
      case 'Enter': {
        // Enter chooses; it never submits the form around the field.
        event.preventDefault();
        if (!open) break;
        if (active < 0 && !settled) {
          setEnterPending(true);
          break;
        }
        const item = enterChoice(items, active, text, itemKeys);
        if (item) choose(item);
        break;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          type('');
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  const onBlur = () => {
    setOpen(false);
    setActive(-1);
    setEnterPending(false);
    if (chosen) setText(describeItem(chosen));
  };

  const aria = describedBy(id, error, hint);
  const showList = open && (items.length > 0 || settled);
  const activeId = open && active >= 0 && items[active] ? `${id}-option-${active}` : undefined;

  return (
    <Field id={id} label={label} error={error} hint={hint} required={required} className={`typeahead${className ? ` ${className}` : ''}`}>
      <div className="typeahead-box">
        <input
          id={id}
          name={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-required={required || undefined}
          {...aria}
          placeholder={t('reference.typeToSearch')}
          value={text}
          onChange={(e) => type(e.target.value)}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={onBlur}
        />
        {(value || text) && (
          <button type="button" className="typeahead-clear icon-button" aria-label={t('reference.clear')} onMouseDown={(e) => e.preventDefault()} onClick={() => type('')}>
            ×
          </button>
        )}
        <ul id={listId} ref={listRef} role="listbox" aria-label={label} className="typeahead-list" hidden={!showList}>
          {items.map((item, index) => (
            <li
              key={item.code}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(item)}
            >
              <span className="typeahead-label">{item.label}</span>
              <span className="typeahead-code">{item.code}</span>
            </li>
          ))}
          {items.length === 0 && settled && (
            <li className="typeahead-empty" aria-disabled="true">
              {search.isError ? t('reference.searchFailed') : t('reference.noMatches')}
            </li>
          )}
        </ul>
      </div>
      <span id={statusId} className="visually-hidden" role="status" aria-live="polite">
        {open && settled ? t('reference.resultCount', { count: items.length }) : ''}
      </span>
    </Field>
  );
}
