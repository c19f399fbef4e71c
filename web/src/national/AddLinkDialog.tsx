import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, describedBy, useFormErrors } from '../app/forms.tsx';
import { Modal } from '../app/Modal.tsx';
import { useWrite } from '../app/mutation.ts';
import { useToasts } from '../app/toasts.tsx';
import { useEntityAnswer } from './entity-cache.ts';
import { EntityPicker } from './EntityPicker.tsx';
import { ENTITY_LINK_KINDS, nationalApi, type EntityLinkKind, type EntitySummary, type EntityView } from './national-api.ts';

/** Links that read differently from the other end: this entity may be either end of them. */
const DIRECTED: readonly EntityLinkKind[] = ['employee_of', 'director_of', 'uses_vehicle'];
/** A link as offered: its kind, and whether this entity is where it starts (`from`) or where it ends (`to`). */
const READINGS = ENTITY_LINK_KINDS.flatMap((kind) => (DIRECTED.includes(kind) ? [`from:${kind}`, `to:${kind}`] : [`from:${kind}`]));

/**
 * Links this entity to another one, read from this entity: "employee of", "employs", "uses the vehicle",
 * "used by", "shares an address with"… A link read backwards is recorded from the other entity.
 */
export function AddLinkDialog({ entity, onClose }: { entity: EntityView; onClose(): void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const answered = useEntityAnswer();
  const [other, setOther] = useState<EntitySummary | null>(null);
  const [reading, setReading] = useState(READINGS[0]);
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!other) {
      setErrors({ detail: null, fields: { toId: t('national.links.pickOther') } });
      return;
    }
    const [direction, kind] = reading.split(':') as ['from' | 'to', EntityLinkKind];
    await write.run(async () => {
      await answered(direction === 'from' ? await nationalApi.addLink(entity.id, other.id, kind) : await nationalApi.addLink(other.id, entity.id, kind));
      toasts.show({ tone: 'success', title: t('national.links.added', { label: other.label }) });
      onClose();
    });
  };

  return (
    <Modal title={t('national.links.addTitle', { label: entity.label })} onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate data-testid="add-link-dialog">
        <ErrorSummary errors={errors} knownFields={['toId', 'kind']} />
        <Field id="link-kind" label={t('national.links.kind')} error={errors.fields.kind} required>
          <select id="link-kind" value={reading} onChange={(e) => setReading(e.target.value)} aria-required {...describedBy('link-kind', errors.fields.kind)}>
            {READINGS.map((r) => {
              const [direction, kind] = r.split(':');
              return (
                <option key={r} value={r}>
                  {t(direction === 'from' ? `national.linkKinds.${kind}` : `national.linkKindsReverse.${kind}`)}
                </option>
              );
            })}
          </select>
        </Field>
        <EntityPicker id="link-other" value={other} onChange={setOther} exclude={[entity.id]} error={errors.fields.toId} />
        <div className="button-row button-row-end">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={write.pending}>
            {write.pending ? t('common.working') : t('national.links.add')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
