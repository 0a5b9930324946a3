import { afterEach, describe, expect, it } from 'vitest';
import { isApplePlatform, isTextEntry, shortcutFor, shortcutLabels, type KeyPress } from './keyboard-shortcuts';

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, target: document.body, ...extra };
}

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.querySelector('[data-target]') ?? host.firstElementChild!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('shortcutFor', () => {
  it('maps / and Ctrl/Cmd+K to the search', () => {
    expect(shortcutFor(press('/'))).toEqual({ type: 'focus-search' });
    expect(shortcutFor(press('k', { ctrlKey: true }))).toEqual({ type: 'focus-search' });
    expect(shortcutFor(press('K', { metaKey: true }))).toEqual({ type: 'focus-search' });
  });

  it('maps Alt+1/2/3 by physical key, so macOS Option characters still work', () => {
    expect(shortcutFor(press('1', { altKey: true, code: 'Digit1' }))).toEqual({ type: 'go', area: 'seek' });
    expect(shortcutFor(press('™', { altKey: true, code: 'Digit2' }))).toEqual({ type: 'go', area: 'sense' });
    expect(shortcutFor(press('3', { altKey: true, code: 'Digit3' }))).toEqual({ type: 'go', area: 'share' });
    expect(shortcutFor(press('4', { altKey: true, code: 'Digit4' }))).toBeNull();
  });

  it('maps ? (however it is typed) to help', () => {
    expect(shortcutFor(press('?', { shiftKey: true }))).toEqual({ type: 'show-help' });
  });

  it('ignores other keys and modified single keys', () => {
    expect(shortcutFor(press('a'))).toBeNull();
    expect(shortcutFor(press('/', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('k', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('1', { altKey: true, ctrlKey: true, code: 'Digit1' }))).toBeNull();
  });

  it('lets people type / and ? in fields, but Ctrl+K still works there', () => {
    const input = element('<input type="text">');
    expect(shortcutFor(press('/', { target: input }))).toBeNull();
    expect(shortcutFor(press('?', { target: input }))).toBeNull();
    expect(shortcutFor(press('1', { altKey: true, code: 'Digit1', target: input }))).toBeNull();
    expect(shortcutFor(press('k', { ctrlKey: true, target: input }))).toEqual({ type: 'focus-search' });
  });

  it('stays out of IME composition and events already handled', () => {
    expect(shortcutFor(press('/', { isComposing: true }))).toBeNull();
    expect(shortcutFor(press('/', { defaultPrevented: true }))).toBeNull();
  });
});

describe('isTextEntry', () => {
  it.each([
    ['<input>', true],
    ['<input type="search">', true],
    ['<input type="checkbox">', false],
    ['<textarea></textarea>', true],
    ['<select><option>a</option></select>', true],
    ['<div contenteditable="true"><p data-target>x</p></div>', true],
    ['<div contenteditable="false"><p data-target>x</p></div>', false],
    ['<button>b</button>', false],
    ['<a href="#/sense">x</a>', false],
  ])('%s → %s', (html, expected) => {
    expect(isTextEntry(element(html))).toBe(expected);
  });

  it('is false for non-elements', () => {
    expect(isTextEntry(null)).toBe(false);
    expect(isTextEntry(window)).toBe(false);
  });
});

describe('labels', () => {
  it('draws Apple and other platforms differently', () => {
    expect(isApplePlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)')).toBe(true);
    expect(isApplePlatform('Mozilla/5.0 (X11; Linux x86_64)')).toBe(false);
    expect(shortcutLabels(true).search).toBe('⌘ K');
    expect(shortcutLabels(false).area('share')).toBe('Alt 3');
  });
});
