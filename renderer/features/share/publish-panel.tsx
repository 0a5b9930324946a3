/**
 * Publish: where to (the static site, or the user's Hugo or Jekyll site), the few settings that place need,
 * and the result in words. The desktop app picks folders with the system dialog; in browser mode the page
 * cannot see the disk, so the folder is typed as a full path (the local web host writes it).
 */
import { useState, type FormEvent } from 'react';
import { useDatabase, type PublishedRecord } from '../../data';
import { useHost } from '../../host/host-context';
import { errorWords } from '../../ui/error-words';
import type { Notify } from '../../ui/undo-toast';
import { publishRemote, type RemoteTarget } from './publish/publish-remote';
import { publishToFolder, type FolderPublishResult, type FolderTarget, type PublishProgress } from './publish/publish-site';
import { normalizeBaseUrl, type RemoteAccounts, type SiteConfig } from './publish/site-config';
import { SecretField } from './secret-field';
import { useSiteConfig } from './use-site-config';

interface PublishPanelProps {
  record: PublishedRecord;
  /** Saves what is being typed, so what is published is what the user sees. */
  beforePublish: () => Promise<void>;
  notify: Notify;
}

type Target = FolderTarget | RemoteTarget;

const targetLabels: Record<Target, string> = {
  site: 'Static site (pages and feeds)',
  hugo: 'Hugo (Markdown)',
  jekyll: 'Jekyll (Markdown)',
  micropub: 'Blog (Micropub)',
  wordpress: 'WordPress',
  mastodon: 'Mastodon',
};

const isRemote = (target: Target): target is RemoteTarget => target === 'micropub' || target === 'wordpress' || target === 'mastodon';

const phaseWords: Record<PublishProgress['phase'], string> = {
  building: 'Building the pages…',
  comparing: 'Comparing with the folder…',
  writing: 'Writing what changed…',
  cleaning: 'Removing what the site no longer has…',
};

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working'; progress: PublishProgress }
  | { kind: 'done'; result: FolderPublishResult }
  | { kind: 'posted'; url: string; updated: boolean }
  | { kind: 'failed'; message: string };

export function PublishPanel({ record, beforePublish, notify }: PublishPanelProps) {
  const { config } = useSiteConfig();
  if (!config) return <p className="publish-panel">Reading your site settings…</p>;
  return <PublishForm initial={config} record={record} beforePublish={beforePublish} notify={notify} />;
}

function PublishForm({ initial, record, beforePublish, notify }: PublishPanelProps & { initial: SiteConfig }) {
  const db = useDatabase();
  const host = useHost();
  const { save } = useSiteConfig();
  const [config, setConfig] = useState<SiteConfig>(initial);
  const [target, setTarget] = useState<Target>('site');
  const [secret, setSecret] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const desktop = host?.transport === 'ipc';

  const folder = target === 'site' ? config.folder : isRemote(target) ? '' : config.generatorFolders[target];
  const setFolder = (value: string) =>
    setConfig((current) => (target === 'site' ? { ...current, folder: value } : isRemote(target) ? current : { ...current, generatorFolders: { ...current.generatorFolders, [target]: value } }));
  const setRemote = (patch: Partial<RemoteAccounts>) => setConfig((current) => ({ ...current, remote: { ...current.remote, ...patch } }));
  const account = target === 'micropub' ? config.remote.micropubSite : target === 'wordpress' ? config.remote.wordpressSite : target === 'mastodon' ? config.remote.mastodonInstance : '';
  const pick = async () => {
    if (!host) return;
    try {
      const picked = await host.call('site:pick-folder', {});
      if (picked.folder) setFolder(picked.folder);
    } catch (error) {
      notify({ text: errorWords(error, 'The folder could not be chosen.').message });
    }
  };
  const baseProblem = normalizeBaseUrl(config.baseUrl) === undefined ? 'The site address must be a full http://, https:// or file:// address.' : null;

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    if (!host || baseProblem) return;
    setOutcome({ kind: 'working', progress: { phase: 'building', done: 0, total: 1 } });
    try {
      await beforePublish();
      await save(config);
      if (isRemote(target)) {
        // A token typed here goes to the host once, and is not kept by the page.
        if (secret.trim()) {
          await host.call('secrets:set', { key: { service: target, account: account.trim() }, value: secret.trim() });
          setSecret('');
        }
        const posted = await publishRemote(db, host, target, config, record);
        setOutcome({ kind: 'posted', ...posted });
        return;
      }
      const result = await publishToFolder(db, host, target, config, record, { onProgress: (progress) => setOutcome({ kind: 'working', progress }) });
      setOutcome({ kind: 'done', result });
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorWords(error, 'Publishing failed; nothing was lost, and publishing again is safe.').message });
    }
  };

  return (
    <form className="publish-panel" aria-label="Publish" onSubmit={(event) => void publish(event)}>
      <fieldset className="publish-panel__targets">
        <legend>Publish to</legend>
        {(Object.keys(targetLabels) as Target[]).map((name) => (
          <label key={name}>
            <input
              type="radio"
              name="publish-target"
              value={name}
              checked={target === name}
              onChange={() => {
                setTarget(name);
                setOutcome({ kind: 'idle' });
              }}
            />{' '}
            {targetLabels[name]}
          </label>
        ))}
      </fieldset>
      <div className="publish-panel__fields">
        {isRemote(target) ? (
          <RemoteFields target={target} accounts={config.remote} onChange={setRemote} secret={secret} onSecret={setSecret} />
        ) : (
          <label className="publish-panel__field">
            <span>{target === 'site' ? 'Output folder' : target === 'hugo' ? 'Hugo site folder' : 'Jekyll site folder'}</span>
            <input
              type="text"
              value={folder}
              onChange={(event) => setFolder(event.target.value)}
              placeholder={desktop ? 'Choose a folder' : '/home/you/site (a full path on this computer)'}
              spellCheck={false}
            />
          </label>
        )}
        {desktop && !isRemote(target) && (
          <button type="button" className="button button--quiet" onClick={() => void pick()}>
            Choose folder…
          </button>
        )}
        {target === 'site' && (
          <>
            <label className="publish-panel__field">
              <span>Site address</span>
              <input
                type="url"
                value={config.baseUrl}
                onChange={(event) => setConfig({ ...config, baseUrl: event.target.value })}
                placeholder="https://you.example/ (empty: the folder itself)"
                aria-invalid={baseProblem ? 'true' : undefined}
              />
            </label>
            <label className="publish-panel__field">
              <span>Site title</span>
              <input type="text" value={config.title} onChange={(event) => setConfig({ ...config, title: event.target.value })} />
            </label>
            <label className="publish-panel__field">
              <span>Author</span>
              <input type="text" value={config.authorName} onChange={(event) => setConfig({ ...config, authorName: event.target.value })} />
            </label>
          </>
        )}
      </div>
      {baseProblem && <p className="publish-panel__problem">{baseProblem}</p>}
      {!desktop && !isRemote(target) && (
        <p className="publish-panel__note">
          In browser mode the folder is written by Commonplace&rsquo;s local server on this computer; type the folder&rsquo;s full path.
        </p>
      )}
      <div className="publish-panel__go">
        <button type="submit" className="button" disabled={outcome.kind === 'working' || !host}>
          Publish now
        </button>
        <PublishOutcome outcome={outcome} />
      </div>
    </form>
  );
}

function PublishOutcome({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'working':
      return (
        <p role="status" className="publish-panel__status">
          {phaseWords[outcome.progress.phase]}
          {outcome.progress.total > 1 ? ` ${outcome.progress.done} of ${outcome.progress.total}` : ''}
        </p>
      );
    case 'failed':
      return (
        <p role="alert" className="publish-panel__problem">
          {outcome.message}
        </p>
      );
    case 'posted':
      return (
        <p role="status" className="publish-panel__status">
          {outcome.updated ? 'Updated the published post.' : 'Published.'}{' '}
          <a href={outcome.url} target="_blank" rel="noopener noreferrer">
            Open it
          </a>
        </p>
      );
    case 'done': {
      const { written, unchanged, removed, url } = outcome.result;
      const counts = `${written === 1 ? '1 file' : `${written} files`} written, ${unchanged} unchanged${removed.length > 0 ? `, ${removed.length} removed` : ''}.`;
      return (
        <p role="status" className="publish-panel__status">
          Published. {counts}{' '}
          {url && (
            <a href={url} target="_blank" rel="noopener noreferrer">
              Open the post
            </a>
          )}
        </p>
      );
    }
  }
}

interface RemoteFieldsProps {
  target: RemoteTarget;
  accounts: RemoteAccounts;
  onChange: (patch: Partial<RemoteAccounts>) => void;
  secret: string;
  onSecret: (value: string) => void;
}

/** Where the remote target is, and its token or password (saved by the host, never shown again). */
function RemoteFields({ target, accounts, onChange, secret, onSecret }: RemoteFieldsProps) {
  if (target === 'micropub') {
    return (
      <>
        <label className="publish-panel__field">
          <span>Blog address</span>
          <input type="url" value={accounts.micropubSite} onChange={(event) => onChange({ micropubSite: event.target.value })} placeholder="https://you.example/" />
        </label>
        <SecretField service="micropub" account={accounts.micropubSite} label="Micropub token" value={secret} onChange={onSecret} />
      </>
    );
  }
  if (target === 'wordpress') {
    return (
      <>
        <label className="publish-panel__field">
          <span>WordPress address</span>
          <input type="url" value={accounts.wordpressSite} onChange={(event) => onChange({ wordpressSite: event.target.value })} placeholder="https://you.example/" />
        </label>
        <label className="publish-panel__field">
          <span>WordPress user name</span>
          <input type="text" value={accounts.wordpressUser} onChange={(event) => onChange({ wordpressUser: event.target.value })} autoComplete="username" />
        </label>
        <SecretField service="wordpress" account={accounts.wordpressSite} label="Application password" value={secret} onChange={onSecret} />
      </>
    );
  }
  return (
    <>
      <label className="publish-panel__field">
        <span>Mastodon instance</span>
        <input type="url" value={accounts.mastodonInstance} onChange={(event) => onChange({ mastodonInstance: event.target.value })} placeholder="https://mastodon.social" />
      </label>
      <label className="publish-panel__field">
        <span>Visibility</span>
        <select value={accounts.mastodonVisibility} onChange={(event) => onChange({ mastodonVisibility: event.target.value as RemoteAccounts['mastodonVisibility'] })}>
          <option value="public">Public</option>
          <option value="unlisted">Unlisted</option>
          <option value="private">Followers only</option>
        </select>
      </label>
      <SecretField service="mastodon" account={accounts.mastodonInstance} label="Access token" value={secret} onChange={onSecret} />
    </>
  );
}
