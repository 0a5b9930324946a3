import { ShareIcon } from './share-icon';

/** Share before digests exist: what will live here and what the user will do, with no dead controls. */
export function ShareView() {
  return (
    <div className="area-page" data-area="share">
      <div className="area-page__header">
        <h1 className="area-page__title" tabIndex={-1}>
          Share
        </h1>
        <p className="area-page__lede">Curate what mattered and publish it, so others can learn with you.</p>
      </div>

      <section className="empty-state" aria-labelledby="share-empty-title">
        <div className="empty-state__art" aria-hidden="true">
          <ShareIcon />
        </div>
        <h2 id="share-empty-title" className="empty-state__title">
          Nothing published yet
        </h2>
        <p className="empty-state__text">
          Share will hold your digests: starred items, highlights and notes gathered into posts, published as a static blog
          with RSS, Atom and JSON feeds that anyone can follow, including a colleague&rsquo;s Commonplace.
        </p>

        <h3 className="empty-state__subtitle">What you will do here</h3>
        <ul className="plan-list">
          <li>
            <strong>Curate digests</strong> from what you starred, highlighted and wrote.
          </li>
          <li>
            <strong>Publish a blog</strong> as plain static files you can host anywhere.
          </li>
          <li>
            <strong>Offer feeds</strong> in RSS, Atom and JSON Feed, so readers follow along in the reader they like.
          </li>
        </ul>

        <p className="empty-state__status">
          <span className="badge">Coming</span>
          Digests and publishing arrive in an upcoming release, so there is nothing to click here yet.
        </p>
      </section>
    </div>
  );
}
