import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { FirstLevelFields } from './FirstLevelFields.tsx';
import { RECORD_FIELDS } from './list-fields.ts';
import { screeningApi, type ArtImage, type ListName, type ScreeningHit, type TraceRequest, type WatchRecord } from './screening-api.ts';
import { ArtImageGallery } from './ArtImages.tsx';
import { useScreeningErrorMessage } from './screening-messages.ts';

const filled = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/** The whole record of an opened candidate (second level), and for a firearm the way to ask its recorder a trace. */
export function RecordDetail({ list, record, hit }: { list: ListName; record: WatchRecord; hit: ScreeningHit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fields = Object.fromEntries(RECORD_FIELDS[list].filter((def) => filled(record[def.name])).map((def) => [def.name, record[def.name]]));
  return (
    <div className="stack record-detail" data-testid="record-detail">
      <div className="alert alert-success" role="status">
        {t('screening.detail.notified')}{' '}
        <Link to="/screening/hits/$id" params={{ id: hit.id }}>
          {t('screening.detail.seeHit')}
        </Link>
      </div>
      <FirstLevelFields fields={fields} />
      <p className="muted small">{t('screening.detail.recordedAt', { when: format.dateTime(record.createdAt) })}</p>
      {list === 'art' && (
        <div className="stack">
          <h3 className="section-title">{t('screening.images.title')}</h3>
          <ArtImageGallery recordId={record.id} images={(record.images as ArtImage[] | undefined) ?? []} />
        </div>
      )}
      {list === 'firearms' && <AskTraceForm firearmRecordId={record.id} />}
    </div>
  );
}

function AskTraceForm({ firearmRecordId }: { firearmRecordId: string }) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState<TraceRequest | null>(null);
  const { errors, capture, clear } = useFormErrors();
  const screeningMessage = useScreeningErrorMessage();
  const id = `trace-question-${firearmRecordId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      setAsked(await screeningApi.askTrace(firearmRecordId, question));
    } catch (error) {
      capture(error, screeningMessage(error) ?? undefined);
    } finally {
      setBusy(false);
    }
  };

  if (asked) {
    return (
      <div className="alert alert-success" role="status">
        {t('screening.trace.asked')}{' '}
        <Link to="/screening/trace-requests/$id" params={{ id: asked.id }}>
          {t('screening.trace.see')}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="stack">
      <h3 className="section-title">{t('screening.trace.ask')}</h3>
      <ErrorSummary errors={errors} knownFields={['question']} />
      <TextField id={id} label={t('screening.trace.question')} hint={t('screening.trace.questionHint')} value={question} onChange={setQuestion} error={errors.fields.question} multiline required maxLength={4000} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.working') : t('screening.trace.askButton')}
        </button>
      </div>
    </form>
  );
}
