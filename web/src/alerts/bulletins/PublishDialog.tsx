import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FormActions, useFormErrors } from '../../app/forms.tsx';
import { Modal } from '../../app/Modal.tsx';
import { useWrite } from '../../app/mutation.ts';
import { useMe } from '../../app/session.tsx';
import { OrgPicker } from '../OrgPicker.tsx';
import { WCO_REGIONS, alertKeys, alertsApi, canDecideGlobal, canKeepLists, type Targets } from '../alerts-api.ts';
import { bulletinsApi, type Bulletin } from './bulletins-api.ts';

/** Publishes the bulletin like an alert is circulated: WCO regions, named administrations, distribution lists, every member (the I2C only). */
export function PublishDialog({ bulletin, onDone, onClose }: { bulletin: Bulletin; onDone(b: Bulletin): void; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [targets, setTargets] = useState<Targets>({ regions: bulletin.region ? [bulletin.region] : [], orgIds: [], listIds: [], global: false });
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const lists = useQuery({ queryKey: alertKeys.lists, queryFn: alertsApi.lists, enabled: canKeepLists(me.roles) });
  const restricted = bulletin.handling === 'H3';
  const i2c = canDecideGlobal(me.roles);
  const toggle = (key: 'regions' | 'listIds', value: string, on: boolean) => setTargets((x) => ({ ...x, [key]: on ? [...x[key], value] : x[key].filter((v) => v !== value) }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    // H3 goes to named administrations only: no region, no global publication is sent.
    const body = restricted ? { ...targets, regions: [], global: false } : targets;
    await write.run(async () => onDone(await bulletinsApi.publish(bulletin.id, body)));
  };
  const err = (f: string) =>
    Object.entries(errors.fields)
      .filter(([k]) => k === `targets.${f}` || k === f || k.startsWith(`targets.${f}.`) || k.startsWith(`${f}.`))
      .map(([, v]) => v)
      .join('; ') || undefined;
  const shown = ['regions', 'orgIds', 'listIds', 'global'].flatMap((f) => Object.keys(errors.fields).filter((k) => k === `targets.${f}` || k === f || k.startsWith(`targets.${f}.`) || k.startsWith(`${f}.`)));
  return (
    <Modal title={t('bulletins.publish.title', { reference: bulletin.reference })} onClose={onClose} wide>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate data-testid="publish-dialog">
        <p>{t('bulletins.publish.intro')}</p>
        {restricted && <div className="alert alert-warning">{t('bulletins.publish.h3')}</div>}
        <ErrorSummary errors={errors} knownFields={shown} />
        <fieldset className="checkbox-group">
          <legend>{t('alerts.circulate.regions')}</legend>
          <div className="checkbox-grid">
            {WCO_REGIONS.map((r) => (
              <label key={r} className="checkbox">
                <input type="checkbox" checked={!restricted && targets.regions.includes(r)} disabled={restricted} onChange={(e) => toggle('regions', r, e.target.checked)} />
                <span>{t(`alerts.regions.${r}`)}</span>
              </label>
            ))}
          </div>
          {err('regions') && <p className="field-error">{err('regions')}</p>}
        </fieldset>
        <OrgPicker id="publish-orgs" legend={t('alerts.circulate.orgs')} value={targets.orgIds} onChange={(orgIds) => setTargets((x) => ({ ...x, orgIds }))} error={err('orgIds')} />
        {(lists.data?.lists.length ?? 0) > 0 && (
          <fieldset className="checkbox-group">
            <legend>{t('alerts.circulate.lists')}</legend>
            <div className="checkbox-grid">
              {lists.data?.lists.map((l) => (
                <label key={l.id} className="checkbox">
                  <input type="checkbox" checked={targets.listIds.includes(l.id)} onChange={(e) => toggle('listIds', l.id, e.target.checked)} />
                  <span dir="auto">{t('alerts.lists.named', { name: l.name, n: l.orgCount })}</span>
                </label>
              ))}
            </div>
            {err('listIds') && <p className="field-error">{err('listIds')}</p>}
          </fieldset>
        )}
        {i2c && (
          <label className="checkbox">
            <input type="checkbox" checked={!restricted && targets.global} disabled={restricted} onChange={(e) => setTargets((x) => ({ ...x, global: e.target.checked }))} />
            <span>{t('bulletins.publish.global')}</span>
          </label>
        )}
        {err('global') && <p className="field-error">{err('global')}</p>}
        <FormActions submitLabel={t('bulletins.actions.publish')} busy={write.pending} onCancel={onClose} />
      </form>
    </Modal>
  );
}
