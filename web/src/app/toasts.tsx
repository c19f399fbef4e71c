import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ToastTone = 'info' | 'success' | 'error';

interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  body?: string;
  /** A place in the app the toast leads to (a notification's item). */
  link?: { href: string; label: string; follow(): void };
}

interface Toaster {
  show(toast: Omit<Toast, 'id'>): void;
}

const ToastContext = createContext<Toaster | null>(null);
const TOAST_LIFETIME_MS = 6000;
/** A toast that leads somewhere stays long enough to be followed. */
const LINK_TOAST_LIFETIME_MS = 20000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-4), { ...toast, id }]);
      window.setTimeout(() => dismiss(id), toast.link ? LINK_TOAST_LIFETIME_MS : TOAST_LIFETIME_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <div className="toast-text">
              <strong>{toast.title}</strong>
              {toast.body && <p>{toast.body}</p>}
              {toast.link && (
                <a
                  href={toast.link.href}
                  onClick={(e) => {
                    e.preventDefault();
                    toast.link?.follow();
                    dismiss(toast.id);
                  }}
                >
                  {toast.link.label}
                </a>
              )}
            </div>
            <button type="button" className="icon-button" onClick={() => dismiss(toast.id)} aria-label={t('common.dismiss')}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToasts() needs a <ToastProvider> above it.');
  return toaster;
}
