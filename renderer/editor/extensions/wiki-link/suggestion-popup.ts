/**
 * The `[[` suggestion list: plain DOM (no Tippy, no React) so the extension works in any editor host and
 * in headless tests. A listbox under the caret; the editor keeps focus and drives it with the keyboard,
 * announcing the highlighted option through aria-activedescendant on the editor's own element.
 */
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';

export interface WikiLinkSuggestion {
  title: string;
  alias: string | null;
}

/** One row: an existing note (by title or alias), or "Create “…”" for a title no note has yet. */
export type WikiLinkItem = { kind: 'note'; title: string; alias: string | null } | { kind: 'create'; title: string };

let popupCount = 0;

export function itemLabel(item: WikiLinkItem): string {
  if (item.kind === 'create') return `Create “${item.title}”`;
  return item.alias ? `${item.alias} → ${item.title}` : item.title;
}

export class SuggestionPopup {
  readonly element: HTMLUListElement;
  private items: WikiLinkItem[] = [];
  private selected = 0;
  private props: SuggestionProps<WikiLinkItem, WikiLinkItem> | undefined;
  private readonly id = `note-editor-suggest-${++popupCount}`;

  constructor(private readonly editorDom: HTMLElement) {
    this.element = document.createElement('ul');
    this.element.id = this.id;
    this.element.className = 'note-editor__suggestions';
    this.element.setAttribute('role', 'listbox');
    this.element.setAttribute('aria-label', 'Link suggestions');
    // Clicking an option must not take focus (and the selection) away from the editor first.
    this.element.addEventListener('mousedown', (event) => event.preventDefault());
    document.body.append(this.element);
    this.editorDom.setAttribute('aria-expanded', 'true');
    this.editorDom.setAttribute('aria-controls', this.id);
  }

  update(props: SuggestionProps<WikiLinkItem, WikiLinkItem>): void {
    this.props = props;
    // While a new query loads, keep showing the last results instead of flashing an empty list.
    if (!(props.loading && props.items.length === 0)) {
      const changed = props.items.length !== this.items.length || props.items.some((item, i) => itemLabel(item) !== itemLabel(this.items[i]!));
      this.items = props.items;
      if (changed) this.selected = 0;
    }
    this.render();
    this.position();
  }

  /** True when the key was the list's to handle. */
  onKeyDown({ event }: Pick<SuggestionKeyDownProps, 'event'>): boolean {
    if (event.key === 'Escape') {
      this.destroy();
      return true;
    }
    if (this.items.length === 0) return false;
    switch (event.key) {
      case 'ArrowDown':
        this.select((this.selected + 1) % this.items.length);
        return true;
      case 'ArrowUp':
        this.select((this.selected - 1 + this.items.length) % this.items.length);
        return true;
      case 'Enter':
      case 'Tab':
        this.choose(this.selected);
        return true;
      default:
        return false;
    }
  }

  destroy(): void {
    this.element.remove();
    this.editorDom.removeAttribute('aria-expanded');
    this.editorDom.removeAttribute('aria-controls');
    this.editorDom.removeAttribute('aria-activedescendant');
  }

  private choose(index: number): void {
    const item = this.items[index];
    if (item && this.props) this.props.command(item);
  }

  private select(index: number): void {
    this.selected = index;
    this.render();
  }

  private render(): void {
    this.element.hidden = this.items.length === 0;
    this.element.replaceChildren(
      ...this.items.map((item, index) => {
        const option = document.createElement('li');
        option.id = `${this.id}-option-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', String(index === this.selected));
        option.className = `note-editor__suggestion${item.kind === 'create' ? ' note-editor__suggestion--create' : ''}`;
        option.textContent = itemLabel(item);
        option.addEventListener('click', () => this.choose(index));
        return option;
      }),
    );
    if (this.items.length > 0) this.editorDom.setAttribute('aria-activedescendant', `${this.id}-option-${this.selected}`);
    else this.editorDom.removeAttribute('aria-activedescendant');
  }

  private position(): void {
    const rect = this.props?.clientRect?.();
    if (!rect) return;
    // Setting CSSOM properties is allowed under the CSP; only inline <style> and style="" markup are not.
    this.element.style.left = `${rect.left + window.scrollX}px`;
    this.element.style.top = `${rect.bottom + window.scrollY + 4}px`;
  }
}

/** The rows for a query: the caller's suggestions, with "Create" first when no title (or alias) matches exactly. */
export function suggestionItems(query: string, found: WikiLinkSuggestion[], key: (title: string) => string): WikiLinkItem[] {
  const items: WikiLinkItem[] = found.map((s) => ({ kind: 'note', title: s.title, alias: s.alias }));
  const typed = query.trim();
  if (typed === '') return items;
  const typedKey = key(typed);
  const exists = found.some((s) => key(s.title) === typedKey || (s.alias !== null && key(s.alias) === typedKey));
  if (exists) return items;
  // The best match stays first, so `[[Spa` + Enter links "Spaced repetition" as in Obsidian; offering to
  // create a note comes first only when nothing matches.
  return [...items, { kind: 'create', title: typed }];
}
