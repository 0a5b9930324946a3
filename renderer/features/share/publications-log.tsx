/** Where and when a digest or note was published: one line per target, updated in place on re-publishing. */
import type { Publication, PublishTarget } from '../../../shared/model';
import type { PublishedRecord } from '../../data';
import { usePublications } from './share-hooks';

export const targetNames: Record<PublishTarget, string> = {
  site: 'the static site',
  atom: 'the Atom feed',
  rss: 'the RSS feed',
  'json-feed': 'the JSON feed',
  hugo: 'Hugo',
  jekyll: 'Jekyll',
  micropub: 'the blog (Micropub)',
  wordpress: 'WordPress',
  mastodon: 'Mastodon',
};

const when = (at: number) => new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function line(publication: Publication): string {
  const first = `Published to ${targetNames[publication.target]} on ${when(publication.publishedAt)}`;
  return publication.updatedAt ? `${first}, updated ${when(publication.updatedAt)}` : first;
}

export function PublicationsLog({ record }: { record: PublishedRecord }) {
  const publications = usePublications(record);
  if (!publications || publications.length === 0) return null;
  return (
    <ul className="publications-log" aria-label="Publications">
      {publications.map((publication) => (
        <li key={publication.id}>
          {line(publication)}
          {publication.url && (
            <>
              {' — '}
              <a href={publication.url} target="_blank" rel="noopener noreferrer">
                {publication.url}
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
