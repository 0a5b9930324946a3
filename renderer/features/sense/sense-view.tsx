import { SenseIcon } from './sense-icon';

/**
 * Sense before notes exist: what will live here and what the user will do, with no dead controls.
 * The literal `[[wiki links]]` is shown because it is exactly what the user will type.
 */
export function SenseView() {
  return (
    <div className="area-page" data-area="sense">
      <div className="area-page__header">
        <h1 className="area-page__title" tabIndex={-1}>
          Sense
        </h1>
        <p className="area-page__lede">Turn what you read into what you think: highlight, write and connect.</p>
      </div>

      <section className="empty-state" aria-labelledby="sense-empty-title">
        <div className="empty-state__art" aria-hidden="true">
          <SenseIcon />
        </div>
        <h2 id="sense-empty-title" className="empty-state__title">
          No highlights or notes yet
        </h2>
        <p className="empty-state__text">
          Sense will hold your highlights and notes. Notes link to each other with <code>[[wiki links]]</code>, and every
          note shows its backlinks, so ideas you wrote months apart find each other.
        </p>

        <h3 className="empty-state__subtitle">What you will do here</h3>
        <ul className="plan-list">
          <li>
            <strong>Highlight</strong> passages as you read; each highlight remembers exactly where it came from.
          </li>
          <li>
            <strong>Write notes</strong> that turn highlights into your own words.
          </li>
          <li>
            <strong>Link ideas</strong> by typing <code>[[</code> and the name of another note.
          </li>
          <li>
            <strong>Follow backlinks</strong>: see every note and highlight that points to the one you are reading.
          </li>
        </ul>

        <p className="empty-state__status">
          <span className="badge">Coming</span>
          Highlighting and the note editor arrive in an upcoming release, so there is nothing to click here yet. What you
          write here can be shared from Share.
        </p>
      </section>
    </div>
  );
}
