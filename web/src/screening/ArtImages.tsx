import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { useCsrfToken } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { artImageUrl, MAX_IMAGE_BYTES, screeningApi, screeningKeys, uploadArtImage, type ArtImage } from './screening-api.ts';
import { useScreeningErrorMessage } from './screening-messages.ts';

/** Images of a work of art, as an opened record shows them. */
export function ArtImageGallery({ recordId, images, onRemove }: { recordId: string; images: ArtImage[]; onRemove?: (image: ArtImage) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!images.length) return <p className="muted">{t('screening.images.none')}</p>;
  return (
    <ul className="art-images" data-testid="art-images">
      {images.map((image) => (
        <li key={image.id}>
          <figure>
            <a href={artImageUrl(recordId, image.id)} target="_blank" rel="noreferrer">
              <img src={artImageUrl(recordId, image.id)} alt={t('screening.images.alt', { name: image.name })} loading="lazy" />
            </a>
            <figcaption className="small" dir="auto">
              {image.name} · {format.number(Math.ceil(image.size / 1024))} kB
            </figcaption>
            {onRemove && (
              <button type="button" className="button button-small button-danger-outline" onClick={() => onRemove(image)} aria-label={t('screening.images.removeNamed', { name: image.name })}>
                {t('screening.images.remove')}
              </button>
            )}
          </figure>
        </li>
      ))}
    </ul>
  );
}

/** The recording organisation's images of one of its works of art: add (images, 10 MB each) and remove. */
export function ArtImagesEditor({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const errorMessage = useScreeningErrorMessage();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const record = useQuery({ queryKey: screeningKeys.record('art', recordId), queryFn: () => screeningApi.record('art', recordId) });
  const images = (record.data?.images as ArtImage[] | undefined) ?? [];
  const csrf = useCsrfToken();
  const refresh = () => queryClient.invalidateQueries({ queryKey: screeningKeys.record('art', recordId) });

  const upload = async (files: FileList | null) => {
    setError(null);
    if (!files?.length) return;
    const chosen = Array.from(files);
    const wrong = chosen.find((f) => (f.type && !f.type.startsWith('image/')) || f.size > MAX_IMAGE_BYTES);
    if (wrong) {
      setError(wrong.size > MAX_IMAGE_BYTES ? t('screening.images.tooLarge', { name: wrong.name }) : t('screening.images.notImage', { name: wrong.name }));
      return;
    }
    setBusy(true);
    try {
      for (const file of chosen) await uploadArtImage(recordId, file, csrf());
      toasts.show({ tone: 'success', title: t('screening.images.added') });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
      await refresh();
    }
  };

  const remove = async (image: ArtImage) => {
    try {
      await screeningApi.deleteArtImage(recordId, image.id);
      toasts.show({ tone: 'success', title: t('screening.images.removed') });
      await refresh();
    } catch (e) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(e) });
    }
  };

  return (
    <section className="panel stack" aria-labelledby={`images-${recordId}`}>
      <h2 className="section-title" id={`images-${recordId}`}>
        {t('screening.images.title')}
      </h2>
      {record.isPending && <p className="muted">{t('common.loading')}</p>}
      {record.data && <ArtImageGallery recordId={recordId} images={images} onRemove={(image) => void remove(image)} />}
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <div className="field">
        <label htmlFor={`images-file-${recordId}`}>{t('screening.images.add')}</label>
        <input ref={input} id={`images-file-${recordId}`} type="file" accept="image/*" multiple disabled={busy} onChange={(e) => void upload(e.target.files)} aria-describedby={`images-hint-${recordId}`} />
        <p className="field-hint" id={`images-hint-${recordId}`}>
          {busy ? t('common.working') : t('screening.images.hint')}
        </p>
      </div>
    </section>
  );
}
