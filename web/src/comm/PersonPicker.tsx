import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enterChoice } from '../app/combobox-keys.ts';
import { Field, describedBy } from '../app/forms.tsx';

export interface PersonOption {
  id: string;
  label: string;
  detail?: string;
}

interface PersonPickerProps {
  id: string;
  label: string;
  text: string;
  onText(text: string): void;
  /** What matches the text (the parent filters or asks the server). */
  options: PersonOption[];
  onChoose(option: PersonOption): void;
  hint?: string;
  error?: string;
  /** Shown in the list when nothing matches; nothing when undefined (e.g. too little typed). */
  emptyText?: string;
}

/** A combobox over people (WAI-ARIA pattern): type, arrows to move, Enter to choose, Escape to close. */
export function PersonPicker({ id, label, text, onText, options, onChoose, hint, error, emptyText }: PersonPickerProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-listbox`;
  const showList = open && (options.length > 0 || !!emptyText);

  const choose = (option: PersonOption) => {
    onChoose(option);
    onText('');
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, -1));
    } else if (event.key === 'Enter') {
      // Enter chooses; it never submits the form around the field.
      event.preventDefault();
      const option = open ? enterChoice(options, active, text, (o) => [o.label, o.detail ?? '']) : null;
      if (option) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <Field id={id} label={label} hint={hint} error={error} className="typeahead">
      <div className="typeahead-box">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 && options[active] ? `${id}-option-${active}` : undefined}
          {...describedBy(id, error, hint)}
          placeholder={t('reference.typeToSearch')}
          value={text}
          onChange={(e) => {
            onText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={label} className="typeahead-list" hidden={!showList}>
          {options.map((o, index) => (
            <li
              key={o.id}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(o)}
            >
              <span className="typeahead-label">{o.label}</span>
              {o.detail && <span className="typeahead-code">{o.detail}</span>}
            </li>
          ))}
          {options.length === 0 && emptyText && (
            <li className="typeahead-empty" aria-disabled="true">
              {emptyText}
            </li>
          )}
        </ul>
      </div>
    </Field>
  );
}
