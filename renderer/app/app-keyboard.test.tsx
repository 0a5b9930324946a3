import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from './app';
import { browserInfo, fakeHost } from './fake-host';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

async function renderApp() {
  const view = render(<App host={fakeHost(async () => browserInfo)} />);
  await screen.findByRole('status');
  await screen.findByText(/browser mode/);
  return view;
}

const searchbox = () => screen.getByRole('combobox', { name: 'Search' });

describe('search shortcuts', () => {
  it('focuses the search on / pressed outside a text field, without typing the slash', async () => {
    await renderApp();
    const event = fireEvent.keyDown(document.body, { key: '/', code: 'Slash' });
    expect(document.activeElement).toBe(searchbox());
    expect(event).toBe(false); // default prevented
  });

  it('focuses the search on Ctrl+K and Cmd+K', async () => {
    await renderApp();
    fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK', ctrlKey: true });
    expect(document.activeElement).toBe(searchbox());
    searchbox().blur();
    fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK', metaKey: true });
    expect(document.activeElement).toBe(searchbox());
  });

  it('leaves / alone inside another input, where it is text', async () => {
    await renderApp();
    const other = document.createElement('input');
    document.body.append(other);
    other.focus();
    const event = fireEvent.keyDown(other, { key: '/', code: 'Slash' });
    expect(document.activeElement).toBe(other);
    expect(event).toBe(true); // not prevented: the character is typed
    fireEvent.keyDown(other, { key: 'k', code: 'KeyK', ctrlKey: true });
    expect(document.activeElement).toBe(searchbox());
  });

  it('says the index is opening rather than showing no results while the library opens, and Escape clears and leaves', async () => {
    await renderApp();
    searchbox().focus();
    fireEvent.change(searchbox(), { target: { value: 'zettelkasten' } });
    const panel = screen.getByRole('region', { name: 'Search results' });
    expect(within(panel).getByRole('status').textContent).toBe('Opening the search index…');
    expect(panel.textContent).not.toMatch(/Nothing matches/);
    expect(within(panel).queryAllByRole('option')).toEqual([]);

    fireEvent.keyDown(searchbox(), { key: 'Escape', code: 'Escape' });
    expect((searchbox() as HTMLInputElement).value).toBe('');
    expect(document.activeElement).not.toBe(searchbox());
    expect(screen.queryByRole('region', { name: 'Search results' })).toBeNull();
  });
});

describe('area shortcuts and help', () => {
  it('goes to an area with Alt+digit and shows the shortcut beside the link', async () => {
    await renderApp();
    fireEvent.keyDown(document.body, { key: '3', code: 'Digit3', altKey: true });
    expect((await screen.findByRole('heading', { level: 1, name: 'Share' })).textContent).toBe('Share');
    const share = screen.getByRole('link', { name: 'Share' });
    expect(share.getAttribute('aria-keyshortcuts')).toBe('Alt+3');
    expect(share.closest('li')?.textContent).toMatch(/Alt 3/);
  });

  it('opens the keyboard help with ? and closes it', async () => {
    await renderApp();
    fireEvent.keyDown(document.body, { key: '?', code: 'Slash', shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toMatch(/Go to Sense/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens the same help from the header button', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });
});

describe('skip link', () => {
  it('comes first in tab order and moves focus to the heading without changing the route', async () => {
    await renderApp();
    const focusable = document.querySelectorAll('a[href], button, input, [tabindex="0"]');
    expect(focusable[0]?.textContent).toBe('Skip to content');
    fireEvent.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Seek' }));
    expect(window.location.hash).toBe('#/seek');
  });
});
