import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../app/CopyButton.tsx';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { ConfirmDialog } from '../app/Modal.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { useToasts } from '../app/toasts.tsx';
import { adminApi, adminKeys, type ApiToken } from './admin-api.ts';
import { IssueTokenForm } from './IssueTokenForm.tsx';

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: ApiToken): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

const BADGE: Record<TokenState, string> = { active: 'badge-ok', revoked: 'badge-danger', expired: 'badge-muted' };

export function TokensPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: adminKeys.tokens, queryFn: adminApi.tokens });
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);

  const issue = async (input: { name: string; userId: string; expiresInDays?: number }) => {
    const answer = await adminApi.issueToken(input);
    setIssued({ name: input.name, token: answer.token });
    await queryClient.invalidateQueries({ queryKey: adminKeys.tokens });
  };

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    try {
      await adminApi.revokeToken(revoking.id);
      toasts.show({ tone: 'success', title: t('tokens.revoked', { name: revoking.name }) });
      await queryClient.invalidateQueries({ queryKey: adminKeys.tokens });
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    } finally {
      setBusy(false);
      setRevoking(null);
    }
  };

  const items = tokens.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('tokens.title')} intro={t('tokens.intro')} />
      <section className="panel">
        <h2>{t('tokens.issueTitle')}</h2>
        <IssueTokenForm onIssue={issue} />
        {issued && (
          <div className="alert alert-success issued-token" role="status">
            <strong>{t('tokens.issuedTitle', { name: issued.name })}</strong>
            <p>{t('tokens.issuedIntro')}</p>
            <div className="secret">
              <code dir="ltr" data-testid="issued-token">{issued.token}</code>
              <CopyButton text={issued.token} />
            </div>
            <button type="button" className="link-button" onClick={() => setIssued(null)}>
              {t('common.dismiss')}
            </button>
          </div>
        )}
      </section>
      <section className="panel">
        <h2>{t('tokens.listTitle')}</h2>
        {tokens.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(tokens.error)}
          </div>
        )}
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.user')}</th>
                <th scope="col">{t('tokens.state')}</th>
                <th scope="col">{t('tokens.createdAt')}</th>
                <th scope="col">{t('tokens.lastUsedAt')}</th>
                <th scope="col">{t('tokens.expiresAt')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((token) => {
                const state = stateOf(token);
                return (
                  <tr key={token.id} data-token-name={token.name}>
                    <td>{token.name}</td>
                    <td dir="ltr" className="mono">{token.username}</td>
                    <td>
                      <span className={`badge ${BADGE[state]}`}>{t(`tokens.states.${state}`)}</span>
                    </td>
                    <td className="nowrap">{format.dateTime(token.createdAt)}</td>
                    <td className="nowrap">{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : <span className="muted">{t('users.never')}</span>}</td>
                    <td className="nowrap">{token.expiresAt ? format.date(token.expiresAt) : <span className="muted">{t('tokens.noExpiry')}</span>}</td>
                    <td className="actions">
                      {state === 'active' && (
                        <button type="button" className="button button-small button-danger-outline" onClick={() => setRevoking(token)}>
                          {t('tokens.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
              {items.length === 0 && !tokens.isPending && (
                <tr>
                  <td colSpan={7} className="empty">{t('tokens.none')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      {revoking && (
        <ConfirmDialog
          title={t('tokens.revokeTitle')}
          message={t('tokens.revokeMessage', { name: revoking.name })}
          confirmLabel={t('tokens.revoke')}
          danger
          busy={busy}
          onConfirm={() => void revoke()}
          onCancel={() => setRevoking(null)}
        />
      )}
    </>
  );
}
