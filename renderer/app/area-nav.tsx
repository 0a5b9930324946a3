import { areaKeyShortcut, type ShortcutLabels } from './keyboard-shortcuts';
import { SavedSearches } from '../features/search';
import { areaEntries } from './areas';
import { toHash, type Area } from './router';
import './area-nav.css';

interface AreaNavProps {
  current: Area;
  labels: ShortcutLabels;
}

/**
 * The sidebar. Each link's accessible name is the bare area name; the description and the shortcut
 * sit beside the link (not inside it) and the link is stretched over the whole row with CSS, so the
 * row is one big target without the description leaking into the name.
 */
export function AreaNav({ current, labels }: AreaNavProps) {
  return (
    <nav className="area-nav" aria-label="Areas">
      <ul className="area-nav__list">
        {areaEntries.map(({ area, label, description, Icon }) => {
          const isCurrent = area === current;
          const descriptionId = `area-nav-${area}-description`;
          return (
            <li key={area} className={`area-nav__item${isCurrent ? ' area-nav__item--current' : ''}`} data-area={area}>
              <a
                className="area-nav__link"
                href={toHash({ area })}
                aria-current={isCurrent ? 'page' : undefined}
                aria-describedby={descriptionId}
                aria-keyshortcuts={areaKeyShortcut(area)}
              >
                <Icon className="area-nav__icon" />
                <span className="area-nav__label">{label}</span>
              </a>
              <span id={descriptionId} className="area-nav__description">
                {description}
              </span>
              <kbd className="kbd area-nav__shortcut" aria-hidden="true">
                {labels.area(area)}
              </kbd>
            </li>
          );
        })}
      </ul>
      <SavedSearches />
      <p className="area-nav__loop">
        An item you read becomes a highlight, a highlight becomes a note, and notes become a digest others can follow.
      </p>
    </nav>
  );
}
