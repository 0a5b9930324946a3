import { useId, useMemo } from 'react';
import type { NoteVersion } from '../../../../shared/model';
import { compareVersion } from './version-diff';

interface VersionComparisonViewProps {
  version: NoteVersion;
  current: { title: string; text: string };
  /** The version's time as the list shows it. */
  when: string;
  busy: boolean;
  onRestore: () => void;
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/**
 * One version against the note now: struck-through words are only in the version (restoring brings
 * them back), underlined words were written since (restoring removes them).
 */
export function VersionComparisonView({ version, current, when, busy, onRestore }: VersionComparisonViewProps) {
  const headingId = useId();
  const comparison = useMemo(() => compareVersion(version, current), [version, current]);
  const { segments, title, identical, removedWords, addedWords } = comparison;

  return (
    <section className="version-history__comparison" aria-labelledby={headingId}>
      <h3 id={headingId} className="version-history__subtitle">
        {when} compared with now
      </h3>
      {identical ? (
        <p className="version-history__summary">This version is the same as the note now.</p>
      ) : (
        <p className="version-history__summary">
          {plural(removedWords, 'word', 'words')} only in this version (struck through), {plural(addedWords, 'word', 'words')} written since (underlined).
        </p>
      )}
      {title && (
        <p className="version-history__title-change">
          Title: <del className="version-history__removed">{title.from || 'Untitled'}</del> → <ins className="version-history__added">{title.to || 'Untitled'}</ins>
        </p>
      )}
      {segments === undefined ? (
        <>
          <p className="version-history__summary">The two texts differ too much to compare word by word. This version reads:</p>
          <div className="version-history__text">{version.text}</div>
        </>
      ) : segments.length === 0 ? (
        <p className="version-history__summary">Both are empty.</p>
      ) : (
        <div className="version-history__text" data-testid="version-diff">
          {segments.map((segment, index) =>
            segment.kind === 'removed' ? (
              <del key={index} className="version-history__removed">
                <span className="visually-hidden">[only in this version: </span>
                {segment.text}
                <span className="visually-hidden">]</span>
              </del>
            ) : segment.kind === 'added' ? (
              <ins key={index} className="version-history__added">
                <span className="visually-hidden">[written since: </span>
                {segment.text}
                <span className="visually-hidden">]</span>
              </ins>
            ) : (
              <span key={index}>{segment.text}</span>
            ),
          )}
        </div>
      )}
      <div className="version-history__actions">
        <button type="button" className="button version-history__restore" disabled={busy} onClick={onRestore}>
          Restore this version
        </button>
      </div>
    </section>
  );
}
