/**
 * A token or password for a publishing service: typed once, sent to the host when publishing, never
 * read back. Says whether one is saved, and where secrets are kept (the system keychain in the desktop
 * app; a file only the user's account can read in browser mode), as the person should know.
 */
import { useEffect, useState } from 'react';
import { useHost } from '../../host/host-context';

interface SecretFieldProps {
  service: 'micropub' | 'wordpress' | 'mastodon';
  account: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

export function SecretField({ service, account, label, value, onChange }: SecretFieldProps) {
  const host = useHost();
  const [status, setStatus] = useState<{ account: string; saved: boolean; keptIn: string } | null>(null);
  const trimmed = account.trim();
  // Asked again once a typed secret has been sent (the field empties), so "saved" shows at once.
  const typing = value !== '';
  useEffect(() => {
    if (!host || trimmed === '') return;
    let current = true;
    host.call('secrets:status', { key: { service, account: trimmed } }).then(
      (answer) => current && setStatus({ account: trimmed, ...answer }),
      () => current && setStatus(null),
    );
    return () => {
      current = false;
    };
  }, [host, service, trimmed, typing]);
  const known = status && status.account === trimmed ? status : null;
  return (
    <div className="publish-panel__field">
      <label className="publish-panel__field">
        <span>{label}</span>
        <input type="password" value={value} onChange={(event) => onChange(event.target.value)} autoComplete="off" placeholder={known?.saved ? 'Saved; type a new one to replace it' : ''} />
      </label>
      {known && <small className="publish-panel__note">{known.saved ? `A ${label.toLowerCase()} is saved. ` : ''}{known.keptIn}</small>}
    </div>
  );
}
