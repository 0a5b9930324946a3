import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DiscoveredFeed } from '../../../shared/feeds/feed-schemas';
import type { Source } from '../../../shared/model';
import { useDatabase } from '../../data';
import { errorWords } from '../../ui/error-words';
import { useSeek } from './seek-context';
import { confirmSubscription, discoverFeeds, isSourceSpec, previewFeed, previewSource, type FeedPreview } from './subscribe-flow';
import { accountServiceFor, saveSourceAccount, SourceAccountFields, type SourceAccount } from './source-account-fields';

type Stage = { step: 'enter' } | { step: 'choose'; feeds: DiscoveredFeed[]; chosen: number } | { step: 'preview'; preview: FeedPreview };

interface SubscribeFormProps {
  id: string;
  onClose: () => void;
  onSubscribed: (source: Source, newItems: number) => void;
}

/**
 * Add feed: an address (a feed or any page) → the feeds found there (a choice when there are
 * several) → the feed's title and first items → Subscribe. One primary button per step, so the
 * name "Subscribe" is never ambiguous.
 */
export function SubscribeForm({ id, onClose, onSubscribed }: SubscribeFormProps) {
  const db = useDatabase();
  const { host, pipeline } = useSeek();
  const { normalize } = pipeline;
  const titleId = useId();
  const [address, setAddress] = useState('');
  const [stage, setStage] = useState<Stage>({ step: 'enter' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [account, setAccount] = useState<SourceAccount>({ name: '', secret: '' });
  const accountService = accountServiceFor(address);
  const input = useRef<HTMLInputElement>(null);
  // No "still mounted" guard around the setters below: React 19 ignores updates to an unmounted component.
  useEffect(() => {
    input.current?.focus();
  }, []);

  async function attempt(label: string, work: () => Promise<void>) {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(errorWords(caught, 'Something went wrong while subscribing. Please try again.').message);
      // The busy button lost focus; put it back where the user can correct the address (or press Escape).
      input.current?.focus();
    } finally {
      setBusy(null);
    }
  }

  const toPreview = (feed: DiscoveredFeed) =>
    attempt('Fetching the feed…', async () => {
      const preview = await previewFeed(host, db, normalize, feed);
      setStage({ step: 'preview', preview });
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (stage.step === 'enter') {
      if (address.trim() === '') {
        setError('Type the address of a feed or of a website.');
        return;
      }
      if (isSourceSpec(address)) {
        void attempt('Fetching the newest posts…', async () => {
          // An account typed with the search goes to the host first, and leaves the page's memory.
          if (accountService && account.name.trim() && account.secret.trim()) {
            await saveSourceAccount(host, accountService, account);
            setAccount({ name: '', secret: '' });
          }
          setStage({ step: 'preview', preview: await previewSource(host, db, normalize, address) });
        });
        return;
      }
      void attempt('Looking for feeds…', async () => {
        const feeds = await discoverFeeds(host, address);
        if (feeds.length === 1) {
          setBusy('Fetching the feed…');
          const preview = await previewFeed(host, db, normalize, feeds[0]!);
          setStage({ step: 'preview', preview });
        } else setStage({ step: 'choose', feeds, chosen: 0 });
      });
    } else if (stage.step === 'choose') {
      const feed = stage.feeds[stage.chosen];
      if (feed) void toPreview(feed);
    } else {
      const { preview } = stage;
      void attempt('Subscribing…', async () => {
        const { source, newItems } = await confirmSubscription(db, normalize, preview);
        onSubscribed(source, newItems);
      });
    }
  };

  const back = () => {
    setError(null);
    setStage({ step: 'enter' });
    input.current?.focus();
  };

  return (
    <form
      id={id}
      className="subscribe-form"
      aria-labelledby={titleId}
      aria-busy={busy !== null}
      onSubmit={onSubmit}
      // Escape closes the form from any field, as it closes dialogs elsewhere in the app.
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
      noValidate
    >
      <h2 id={titleId} className="subscribe-form__title">
        Add a feed
      </h2>
      <label className="field">
        <span className="field__label">Feed or site URL</span>
        <input
          ref={input}
          className="field__input"
          type="url"
          inputMode="url"
          name="address"
          placeholder="https://example.com"
          autoComplete="off"
          spellCheck={false}
          value={address}
          readOnly={stage.step !== 'enter' || busy !== null}
          onChange={(event) => setAddress(event.target.value)}
          aria-describedby={`${titleId}-hint`}
        />
      </label>
      <p className="field__hint" id={`${titleId}-hint`}>
        Or a hashtag or search to follow: <code>#tag@instance</code>, <code>hn:words</code>, <code>bsky:@handle</code>, <code>reddit:words</code>.
      </p>
      {accountService && stage.step === 'enter' && (
        <SourceAccountFields host={host} service={accountService} value={account} onChange={setAccount} disabled={busy !== null} />
      )}

      {stage.step === 'choose' && (
        <fieldset className="subscribe-form__choices">
          <legend>This site offers {stage.feeds.length} feeds. Choose one:</legend>
          {stage.feeds.map((feed, index) => (
            <label key={feed.url} className="choice">
              <input type="radio" name="feed" checked={stage.chosen === index} onChange={() => setStage({ ...stage, chosen: index })} />
              <span className="choice__title">{feed.title?.trim() || feed.url}</span>
              <span className="choice__detail">
                {feed.format ? `${feed.format.toUpperCase()} · ` : ''}
                {feed.url}
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {stage.step === 'preview' && (
        <section className="subscribe-form__preview" aria-label="Feed preview">
          <h3 className="subscribe-form__feed-title">{stage.preview.title}</h3>
          <p className="subscribe-form__feed-url">{stage.preview.url}</p>
          {stage.preview.itemTitles.length > 0 ? (
            <>
              <p className="subscribe-form__note">
                Latest of {stage.preview.itemCount} {stage.preview.itemCount === 1 ? 'item' : 'items'}:
              </p>
              <ul className="subscribe-form__items">
                {stage.preview.itemTitles.map((title, index) => (
                  <li key={index}>{title}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="subscribe-form__note">This feed has no items yet; new ones will arrive when it publishes.</p>
          )}
        </section>
      )}

      {error && (
        <p role="alert" className="subscribe-form__error">
          {error}
        </p>
      )}
      {busy && (
        <p className="subscribe-form__busy" aria-live="polite">
          {busy}
        </p>
      )}

      <div className="subscribe-form__actions">
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          {stage.step === 'choose' ? 'Preview' : 'Subscribe'}
        </button>
        {stage.step !== 'enter' && (
          <button type="button" className="button" onClick={back} disabled={busy !== null}>
            Back
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
