import type { Item, MediaAttachment } from '../../../shared/model';
import { isWebUrl } from './sanitize-html';

/** "12.3 MB" from a byte count; nothing when the feed gave none (many give 0). */
function describeSize(length: number | undefined): string | undefined {
  if (!length || length <= 0) return undefined;
  const megabytes = length / 1_000_000;
  return megabytes >= 1 ? `${megabytes.toFixed(1)} MB` : `${Math.max(1, Math.round(length / 1000))} kB`;
}

function fileName(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : url;
}

/**
 * The entry's enclosures (podcast episodes, videos, files), with a player for audio: what readers such
 * as NetNewsWire show under a podcast item. Only http(s) addresses are shown; images already appear
 * in the content or as the item image, so they are left out here.
 */
export function ReaderAttachments({ item }: { item: Item }) {
  const attachments = (item.enclosures ?? []).filter((attachment: MediaAttachment) => isWebUrl(attachment.url) && !attachment.type?.startsWith('image/'));
  if (attachments.length === 0) return null;
  const duration = item.extras?.['itunes:duration'];
  return (
    <section className="reader__attachments" aria-label="Attachments">
      <h3 className="reader__attachments-title">Attachments</h3>
      <ul>
        {attachments.map((attachment) => {
          const details = [attachment.type, describeSize(attachment.length), attachment.type?.startsWith('audio/') ? duration : undefined].filter(Boolean).join(' · ');
          return (
            <li key={attachment.url}>
              {attachment.type?.startsWith('audio/') && <audio controls preload="none" src={attachment.url} aria-label={`Play ${fileName(attachment.url)}`} />}
              <a href={attachment.url} target="_blank" rel="noopener noreferrer">
                {fileName(attachment.url)}
              </a>
              {details && <span className="reader__attachment-details"> ({details})</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
