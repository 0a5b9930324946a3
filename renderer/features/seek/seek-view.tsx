import { SeekIcon } from './seek-icon';

/**
 * Seek before subscriptions exist. It says what will live here and what the user will do, and
 * renders no control yet: a button that does nothing would teach people not to trust the app.
 */
export function SeekView() {
  return (
    <div className="area-page" data-area="seek">
      <div className="area-page__header">
        <h1 className="area-page__title" tabIndex={-1}>
          Seek
        </h1>
        <p className="area-page__lede">Follow the feeds and searches worth your attention, and triage what they bring.</p>
      </div>

      <section className="empty-state" aria-labelledby="seek-empty-title">
        <div className="empty-state__art" aria-hidden="true">
          <SeekIcon />
        </div>
        <h2 id="seek-empty-title" className="empty-state__title">
          Your river is empty, for now
        </h2>
        <p className="empty-state__text">
          Seek will hold your subscriptions: RSS, Atom and JSON feeds, and hashtag searches. What they publish flows into one
          river of new items that you triage from the keyboard, with the full text of each article kept to read offline.
        </p>

        <h3 className="empty-state__subtitle">What you will do here</h3>
        <ul className="plan-list">
          <li>
            <strong>Subscribe</strong> to feeds by address, or bring your reading list over as OPML.
          </li>
          <li>
            <strong>Follow hashtags</strong> by saving searches that refresh like feeds.
          </li>
          <li>
            <strong>Triage the river</strong> without the mouse: read, star, save for later or archive each item.
          </li>
          <li>
            <strong>Read offline</strong>: the full text of every article, cleaned of clutter and kept on this device.
          </li>
        </ul>

        <p className="empty-state__status">
          <span className="badge">Coming</span>
          Subscribing arrives in an upcoming release, so there is nothing to click here yet. What you star here moves on to Sense.
        </p>
      </section>
    </div>
  );
}
