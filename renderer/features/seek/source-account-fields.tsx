/**
 * The account a source needs: Bluesky's post search takes a signed-in account (handle and an app
 * password), Reddit's search mostly answers only with the private feed token from its feed preferences.
 * Typed here once, sent to the host when subscribing, and never shown again; the field says where it is
 * kept (the system keychain in the desktop app, a private file in browser mode).
 */
import { useEffect, useState } from 'react';
import type { HostClient } from '../../host/host-client';

export type AccountService = 'bluesky' | 'reddit';

export interface SourceAccount {
  name: string;
  secret: string;
}

/** Which account, if any, what was typed needs: a Bluesky search (not an author), or a Reddit search. */
export function accountServiceFor(input: string): AccountService | undefined {
  if (/^\s*bsky:(?!\s*@)\S/i.test(input)) return 'bluesky';
  if (/^\s*reddit:\S/i.test(input)) return 'reddit';
  return undefined;
}

/** Saves the account with the host under the one key per service the host reads (see fetch-source.ts). */
export async function saveSourceAccount(host: Pick<HostClient, 'call'>, service: AccountService, account: SourceAccount): Promise<void> {
  const value = service === 'bluesky' ? { identifier: account.name.trim().replace(/^@/, ''), appPassword: account.secret.trim() } : { user: account.name.trim().replace(/^u\//, ''), token: account.secret.trim() };
  await host.call('secrets:set', { key: { service, account: 'account' }, value: JSON.stringify(value) });
}

interface SourceAccountFieldsProps {
  host: Pick<HostClient, 'call'>;
  service: AccountService;
  value: SourceAccount;
  onChange: (next: SourceAccount) => void;
  disabled: boolean;
}

export function SourceAccountFields({ host, service, value, onChange, disabled }: SourceAccountFieldsProps) {
  const [status, setStatus] = useState<{ service: AccountService; saved: boolean; keptIn: string } | null>(null);
  useEffect(() => {
    let current = true;
    host.call('secrets:status', { key: { service, account: 'account' } }).then(
      (answer) => current && setStatus({ service, ...answer }),
      () => current && setStatus(null),
    );
    return () => {
      current = false;
    };
  }, [host, service]);
  const known = status?.service === service ? status : null;
  const bluesky = service === 'bluesky';
  return (
    <fieldset className="subscribe-form__account">
      <legend>{bluesky ? 'Your Bluesky account (search needs one)' : 'Your Reddit feed token (optional; Reddit refuses most anonymous searches)'}</legend>
      <label className="field">
        <span className="field__label">{bluesky ? 'Bluesky handle' : 'Reddit user name'}</span>
        <input className="field__input" value={value.name} disabled={disabled} autoComplete="username" onChange={(event) => onChange({ ...value, name: event.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">{bluesky ? 'App password' : 'Private feed token'}</span>
        <input
          className="field__input"
          type="password"
          value={value.secret}
          disabled={disabled}
          autoComplete="off"
          placeholder={known?.saved ? 'Saved; type again to replace it' : ''}
          onChange={(event) => onChange({ ...value, secret: event.target.value })}
        />
      </label>
      <p className="field__hint">
        {bluesky ? 'Make an app password in Bluesky’s Settings → Privacy and security → App passwords. ' : 'Find it in Reddit’s preferences under RSS feeds. '}
        {known ? `${known.saved ? 'One is saved. ' : ''}${known.keptIn}` : ''}
      </p>
    </fieldset>
  );
}
