import { useId, useRef, useState } from 'react';
import type { Source } from '../../../shared/model';
import { OpmlButtons } from './opml-buttons';
import { RefreshStatus } from './refresh-status';
import { useSeek } from './seek-context';
import { SubscribeForm } from './subscribe-form';
import type { Notify } from '../../ui/undo-toast';

interface SeekToolbarProps {
  hasSources: boolean;
  notify: Notify;
  onSubscribed: (source: Source) => void;
}

/** Add feed (opening the subscribe form under the bar), Refresh all with its progress, OPML in and out. */
export function SeekToolbar({ hasSources, notify, onSubscribed }: SeekToolbarProps) {
  const { refreshAll } = useSeek();
  const [adding, setAdding] = useState(false);
  const formId = useId();
  const addButton = useRef<HTMLButtonElement>(null);

  const closeForm = () => {
    setAdding(false);
    addButton.current?.focus();
  };

  return (
    <div className="seek-toolbar">
      <div className="seek-toolbar__buttons">
        <button
          ref={addButton}
          type="button"
          className="button button--primary"
          aria-expanded={adding}
          aria-controls={adding ? formId : undefined}
          onClick={() => setAdding(!adding)}
        >
          Add feed
        </button>
        <button type="button" className="button" aria-keyshortcuts="r" onClick={() => void refreshAll()} disabled={!hasSources}>
          Refresh all
        </button>
        <OpmlButtons notify={notify} />
        <RefreshStatus />
      </div>
      {adding && (
        <SubscribeForm
          id={formId}
          onClose={closeForm}
          onSubscribed={(source, newItems) => {
            closeForm();
            notify({ text: `Subscribed to “${source.title}”: ${newItems} ${newItems === 1 ? 'item' : 'items'}.` });
            onSubscribed(source);
          }}
        />
      )}
    </div>
  );
}
