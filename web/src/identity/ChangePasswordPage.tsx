import { useTranslation } from 'react-i18next';
import { PageHeader } from '../app/PageHeader.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('password.title')} intro={t('password.intro')} />
      <section className="panel">
        <ChangePasswordForm />
      </section>
    </>
  );
}
