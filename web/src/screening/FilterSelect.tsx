import { Field } from '../app/forms.tsx';

interface FilterSelectProps<V extends string> {
  id: string;
  label: string;
  value: V;
  /** Each option's value and its translated label; '' stands for "any". */
  options: readonly (readonly [V, string])[];
  onChange(value: V): void;
}

/** A labelled filter of a list page; a change of filter sends the list back to its first page (the caller's onChange). */
export function FilterSelect<V extends string>({ id, label, value, options, onChange }: FilterSelectProps<V>) {
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}
