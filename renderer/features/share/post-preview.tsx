/**
 * The post exactly as the static site will show it: the page the site writer produces, its <main> shown
 * here (sanitised like any HTML the app shows; the site's pages carry no script anyway).
 */
import { useEffect, useState } from 'react';
import { renderPostPage, siteTags } from '../../../shared/publish/site/pages';
import { useDatabase, type PublishedRecord } from '../../data';
import { sanitizeHtml } from '../seek';
import { errorWords } from '../../ui/error-words';
import { siteConfigFrom, siteConfigKey, siteSettingsOf } from './publish/site-config';
import { sitePosts } from './publish/publish-site';

export function PostPreview({ record, version }: { record: PublishedRecord; version: number }) {
  const db = useDatabase();
  const [state, setState] = useState<{ html: string } | { error: string } | null>(null);
  const id = 'digestId' in record ? record.digestId : record.noteId;
  useEffect(() => {
    let current = true;
    void (async () => {
      const config = siteConfigFrom((await db.settings.get(siteConfigKey))?.value);
      const site = siteSettingsOf(config);
      const posts = await sitePosts(db, 'site', site, 'digestId' in record ? { digestId: id } : { noteId: id }, Date.now());
      const post = posts.find((candidate) => candidate.id === id);
      if (!post) throw new Error('There is nothing to preview.');
      const page = renderPostPage(site, post, { tags: siteTags(posts) });
      const main = /<main[^>]*>([\s\S]*)<\/main>/i.exec(page)?.[1] ?? page;
      if (current) setState({ html: sanitizeHtml(main) });
    })().catch((error: unknown) => current && setState({ error: errorWords(error, 'The preview could not be made.').message }));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the record is identified by its id
  }, [db, id, version]);
  return (
    <section className="post-preview" aria-label="Preview">
      {state === null ? <p>Preparing the preview…</p> : 'error' in state ? <p role="alert">{state.error}</p> : <div className="post-preview__page" dangerouslySetInnerHTML={{ __html: state.html }} />}
    </section>
  );
}
