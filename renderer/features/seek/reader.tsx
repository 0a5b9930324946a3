import { ReaderAttachments } from './reader-attachments';
import { useMemo, useState } from 'react';
import type { Article, Id, Item } from '../../../shared/model';
import { saveArticle, useArticle, useDatabase, useItem } from '../../data';
import { errorWords } from '../../ui/error-words';
import { formatLongDate } from './format-date';
import { HighlightableContent } from './highlights/highlightable-content';
import { NewNoteFromItemButton } from './highlights/new-note-button';
import { describeReadingTime, htmlToText, readingMinutes } from './reading-time';
import { isWebUrl, sanitizeHtml } from './sanitize-html';
import { useSeek } from './seek-context';
import './reader.css';

interface ReaderProps {
  itemId: Id | undefined;
  sourceTitles: ReadonlyMap<Id, string>;
}

/** The reader pane: always a region named Reader, so it can be found before anything is open. */
export function Reader({ itemId, sourceTitles }: ReaderProps) {
  const item = useItem(itemId);
  return (
    <section className="reader" aria-label="Reader">
      {item ? (
        <ReaderArticle key={item.id} item={item} sourceTitles={sourceTitles} />
      ) : (
        <p className="reader__empty">{item === null && itemId ? 'This item is no longer in your library.' : 'Choose an item to read it here. Press j and k to move, o to open.'}</p>
      )}
    </section>
  );
}

function ReaderArticle({ item, sourceTitles }: { item: Item; sourceTitles: ReadonlyMap<Id, string> }) {
  const article = useArticle(item.id);
  const [showFeedText, setShowFeedText] = useState(false);
  const showing: 'article' | 'feed' = article && !showFeedText ? 'article' : 'feed';
  const html = showing === 'article' && article ? article.html : (item.summaryHtml ?? '');
  const safe = useMemo(() => sanitizeHtml(html), [html]);
  const minutes = useMemo(() => readingMinutes(showing === 'article' && article ? article.text : htmlToText(safe)), [showing, article, safe]);
  const link = isWebUrl(item.link) ? item.link : undefined;
  const sources = item.sourceIds.map((id) => sourceTitles.get(id)).filter((title): title is string => title !== undefined);
  const author = (showing === 'article' && article?.byline) || item.author;
  // Posts from hashtag and search sources: who wrote them (with their avatar) and where the post itself is.
  const avatar = isWebUrl(item.extras?.authorAvatar) ? item.extras.authorAvatar : undefined;
  const postUrl = isWebUrl(item.extras?.postUrl) && item.extras.postUrl !== link ? item.extras.postUrl : undefined;
  const title = item.title.trim() || 'Untitled';

  return (
    <article className="reader__article" aria-labelledby={`reader-title-${item.id}`}>
      <header className="reader__header">
        <h2 className="reader__title" id={`reader-title-${item.id}`}>
          {link ? (
            <a href={link} target="_blank" rel="noopener noreferrer">
              {title}
            </a>
          ) : (
            title
          )}
        </h2>
        <p className="reader__meta">
          {sources.length > 0 && <span>{sources.join(', ')}</span>}
          {author && (
            <span className="reader__author">
              {avatar && <img className="reader__avatar" src={avatar} alt="" width={20} height={20} loading="lazy" referrerPolicy="no-referrer" />}
              {author}
            </span>
          )}
          {postUrl && (
            <a href={postUrl} target="_blank" rel="noopener noreferrer">
              View the post
            </a>
          )}
          <time dateTime={new Date(item.publishedAt).toISOString()}>{formatLongDate(item.publishedAt)}</time>
          {minutes > 0 && <span>{describeReadingTime(minutes)}</span>}
        </p>
        <div className="reader__actions">
          {article === null && link && <FullTextButton item={item} url={link} />}
          {article && (
            <button type="button" className="button" aria-pressed={showing === 'article'} onClick={() => setShowFeedText(!showFeedText)}>
              Full text
            </button>
          )}
          <NewNoteFromItemButton item={item} />
          {link && (
            <a className="button button--quiet" href={link} target="_blank" rel="noopener noreferrer">
              Open original
            </a>
          )}
        </div>
        {showing === 'article' && article && <p className="reader__note">Full text, saved {savedWhen(article)} for reading offline.</p>}
      </header>
      {safe.trim() ? (
        // Sanitised just above, in this render; never stored HTML as it is. Highlights are painted over it.
        <HighlightableContent item={item} html={safe} />
      ) : (
        <p className="reader__note">This feed gives no text for this item. {link ? 'Try Full text, or open the original.' : ''}</p>
      )}
      <ReaderAttachments item={item} />
    </article>
  );
}

function savedWhen(article: Article): string {
  return `on ${new Date(article.extractedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}`;
}

/** Asks the host for the readable text once, stores it, and from then on reads it offline. */
function FullTextButton({ item, url }: { item: Item; url: string }) {
  const db = useDatabase();
  const { host } = useSeek();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fetchFullText = async () => {
    setBusy(true);
    setError(null);
    try {
      const extracted = await host.call('article:extract', { url });
      await saveArticle(db, item.id, { html: extracted.html, text: extracted.text, ...(extracted.byline ? { byline: extracted.byline } : {}) });
    } catch (caught) {
      setError(errorWords(caught, 'The full text could not be fetched. Please try again.').message);
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void fetchFullText()} disabled={busy} aria-busy={busy}>
        {busy ? 'Fetching full text…' : 'Full text'}
      </button>
      {error && (
        <p role="alert" className="reader__error">
          {error}
        </p>
      )}
    </>
  );
}
