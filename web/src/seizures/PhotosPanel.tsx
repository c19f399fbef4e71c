import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { useToasts } from '../app/toasts.tsx';
import { useCsrfToken } from '../app/session.tsx';
import { MAX_PHOTO_BYTES, photoUrl, seizureKeys, seizuresApi, uploadRaw, type Photo, type Seizure } from './seizures-api.ts';

/** Photos of a seizure: thumbnails, and for its administration upload (images, 10 MB) and removal. */
export function PhotosPanel({ seizure, editable }: { seizure: Seizure; editable: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const csrf = useCsrfToken();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: seizureKeys.one(seizure.id) });

  const upload = async (files: FileList | null) => {
    setError(null);
    if (!files?.length) return;
    for (const file of Array.from(files)) {
      if (!file.type.startsWith('image/')) {
        setError(t('seizures.photos.notImage', { name: file.name }));
        return;
      }
      if (file.size > MAX_PHOTO_BYTES) {
        setError(t('seizures.photos.tooLarge', { name: file.name }));
        return;
      }
    }
    try {
      for (const file of Array.from(files)) {
        setProgress(0);
        await uploadRaw<Photo>(`/seizures/${seizure.id}/photos?name=${encodeURIComponent(file.name)}`, file, file.type, csrf(), setProgress);
      }
      toasts.show({ tone: 'success', title: t('seizures.photos.added') });
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (photo: Photo) => {
    try {
      await seizuresApi.removePhoto(seizure.id, photo.id);
      toasts.show({ tone: 'success', title: t('seizures.photos.removed') });
      await refresh();
    } catch (e) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(e) });
    }
  };

  return (
    <section className="panel stack" aria-labelledby="photos-title">
      <h2 className="section-title" id="photos-title">
        {t('seizures.photos.title')}
      </h2>
      {seizure.photos.length === 0 && <p className="muted">{t('seizures.photos.none')}</p>}
      {seizure.photos.length > 0 && (
        <ul className="photo-grid" data-testid="seizure-photos">
          {seizure.photos.map((p) => (
            <li key={p.id}>
              <figure>
                <a href={photoUrl(seizure.id, p.id)} target="_blank" rel="noreferrer">
                  <img src={photoUrl(seizure.id, p.id, true)} alt={p.caption ?? p.name} loading="lazy" />
                </a>
                <figcaption className="small" dir="auto">
                  {p.caption ?? p.name}
                </figcaption>
                {editable && (
                  <button type="button" className="button button-small button-danger-outline" onClick={() => void remove(p)} aria-label={t('seizures.photos.removeNamed', { name: p.name })}>
                    {t('seizures.photos.remove')}
                  </button>
                )}
              </figure>
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor="seizure-photo-file">{t('seizures.photos.add')}</label>
          <input
            ref={input}
            id="seizure-photo-file"
            type="file"
            accept="image/*"
            multiple
            onChange={(e) => void upload(e.target.files)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'seizure-photo-file-error' : 'seizure-photo-file-hint'}
            disabled={progress !== null}
          />
          {!error && (
            <p className="field-hint" id="seizure-photo-file-hint">
              {t('seizures.photos.hint')}
            </p>
          )}
          {progress !== null && <progress className="progress" value={progress} max={1} aria-label={t('seizures.photos.uploading')} />}
          {error && (
            <p className="field-error" id="seizure-photo-file-error" data-field-error="seizure-photo-file" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
