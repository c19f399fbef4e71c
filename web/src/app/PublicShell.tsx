import type { ReactNode } from 'react';
import { Brand } from './Brand.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

/** The frame of the pages shown before the user is fully signed in. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="public-shell">
      <header className="public-header">
        <Brand />
        <LanguageSwitcher />
      </header>
      <main className="public-main" id="main">
        {children}
      </main>
    </div>
  );
}
