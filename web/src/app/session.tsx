import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken, setSessionLostHandler } from './api.ts';
import { reconcileLanguage } from './language-sync.ts';
import { identityApi, type Me, type SecondFactor, type SessionAnswer } from '../identity/identity-api.ts';

export type SessionStatus = 'loading' | 'anonymous' | 'second-factor' | 'signed-in' | 'unreachable';

interface Session {
  status: SessionStatus;
  me: Me | null;
  secondFactor: SecondFactor | null;
  /** The role of this deployment (the nCEN pages exist on a national node only). */
  node: 'hub' | 'national';
  /** Takes the answer of login, TOTP verify/confirm or me as the current session. */
  accept(answer: SessionAnswer): void;
  /** Updates the signed-in user after a change on the server (password, language). */
  updateMe(patch: Partial<Me>): void;
  signOut(): Promise<void>;
  retry(): void;
}

const SESSION_KEY = ['session'] as const;
const SessionContext = createContext<Session | null>(null);

async function fetchSession(): Promise<SessionAnswer | null> {
  try {
    const answer = await identityApi.me();
    setCsrfToken(answer.csrfToken);
    return answer;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });

  const accept = useCallback(
    (answer: SessionAnswer) => {
      setCsrfToken(answer.csrfToken);
      queryClient.setQueryData(SESSION_KEY, answer);
    },
    [queryClient],
  );

  const updateMe = useCallback(
    (patch: Partial<Me>) => {
      queryClient.setQueryData<SessionAnswer | null>(SESSION_KEY, (old) => (old ? { ...old, user: { ...old.user, ...patch } } : old));
    },
    [queryClient],
  );

  const forget = useCallback(() => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);

  const signOut = useCallback(async () => {
    try {
      await identityApi.logout();
    } finally {
      forget();
    }
  }, [forget]);

  useEffect(() => {
    setSessionLostHandler(forget);
    return () => setSessionLostHandler(null);
  }, [forget]);

  const answer = query.data;
  const fullySignedIn = answer?.secondFactor === 'none' ? answer.user.id : null;
  useEffect(() => {
    if (!fullySignedIn || !answer) return;
    void reconcileLanguage(answer.user.language).then((saved) => saved && updateMe({ language: saved }));
    // Once per signed-in user: later answers must not undo a language chosen since.
  }, [fullySignedIn]);

  const value = useMemo<Session>(() => {
    let status: SessionStatus;
    if (query.isPending) status = 'loading';
    else if (query.isError) status = 'unreachable';
    else if (!answer) status = 'anonymous';
    else if (answer.secondFactor !== 'none') status = 'second-factor';
    else status = 'signed-in';
    return {
      status,
      me: answer?.user ?? null,
      secondFactor: answer?.secondFactor ?? null,
      node: answer?.node ?? 'hub',
      accept,
      updateMe,
      signOut,
      retry: () => void query.refetch(),
    };
  }, [query.isPending, query.isError, answer, accept, updateMe, signOut, query]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it.');
  return session;
}

/** The signed-in user; only for pages rendered behind the sign-in gate. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe() is only available once signed in.');
  return me;
}

/** The CSRF token of the session, read when called, for the uploads that do not go through the JSON client. */
export function useCsrfToken(): () => string | null {
  const queryClient = useQueryClient();
  return () => queryClient.getQueryData<SessionAnswer | null>(SESSION_KEY)?.csrfToken ?? null;
}

export function isAdmin(me: Me | null): boolean {
  return !!me?.roles.includes('admin');
}
