import { useTranslation } from 'react-i18next';
import { Field } from '../app/forms.tsx';
import { LISTS, type ListName } from './screening-api.ts';

interface ListSelectProps {
  id: string;
  value: ListName | '';
  onChange(list: ListName | ''): void;
  /** Offer "all lists" as the first choice. */
  allowAll?: boolean;
  only?: readonly ListName[];
}

export function ListSelect({ id, value, onChange, allowAll, only = LISTS }: ListSelectProps) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t('screening.list')}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ListName | '')}>
        {allowAll && <option value="">{t('screening.allLists')}</option>}
        {only.map((l) => (
          <option key={l} value={l}>
            {t(`screening.lists.${l}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
