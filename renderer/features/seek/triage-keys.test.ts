import { afterEach, describe, expect, it } from 'vitest';
import type { KeyPress } from '../../app/keyboard-shortcuts';
import { triageActionFor } from './triage-keys';

afterEach(() => {
  document.body.innerHTML = '';
});

function press(key: string, target: EventTarget | null = document.body, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, target, ...extra };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, html = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.innerHTML = html;
  document.body.append(node);
  return node;
}

describe('triageActionFor', () => {
  it.each([
    ['j', 'next'],
    ['k', 'previous'],
    ['o', 'open'],
    ['Enter', 'open'],
    ['m', 'toggle-read'],
    ['s', 'toggle-star'],
    ['l', 'toggle-later'],
    ['e', 'toggle-archive'],
    ['r', 'refresh-all'],
  ])('%s → %s', (key, action) => {
    expect(triageActionFor(press(key), null)).toBe(action);
  });

  it('Shift+A marks all read; other shifted keys do nothing', () => {
    expect(triageActionFor(press('A', document.body, { shiftKey: true }), null)).toBe('mark-all-read');
    expect(triageActionFor(press('J', document.body, { shiftKey: true }), null)).toBeNull();
    expect(triageActionFor(press('a'), null)).toBeNull();
  });

  it('leaves / and ? to the app, and modified keys to the app and the browser', () => {
    expect(triageActionFor(press('/'), null)).toBeNull();
    expect(triageActionFor(press('?', document.body, { shiftKey: true }), null)).toBeNull();
    expect(triageActionFor(press('j', document.body, { ctrlKey: true }), null)).toBeNull();
    expect(triageActionFor(press('r', document.body, { metaKey: true }), null)).toBeNull();
    expect(triageActionFor(press('j', document.body, { altKey: true }), null)).toBeNull();
  });

  it('pauses while the user types, composes, or works in a dialog', () => {
    expect(triageActionFor(press('j', element('input')), null)).toBeNull();
    expect(triageActionFor(press('j', element('textarea')), null)).toBeNull();
    expect(triageActionFor(press('j', document.body, { isComposing: true }), null)).toBeNull();
    const dialog = element('dialog', '<button>Save</button>');
    expect(triageActionFor(press('e', dialog.querySelector('button')), null)).toBeNull();
    expect(triageActionFor(press('j', document.body, { defaultPrevented: true }), null)).toBeNull();
  });

  it('works from a radio button or a plain button, but Enter on a button still presses it', () => {
    const radio = element('input');
    radio.type = 'radio';
    expect(triageActionFor(press('j', radio), null)).toBe('next');
    const button = element('button');
    expect(triageActionFor(press('s', button), null)).toBe('toggle-star');
    expect(triageActionFor(press('Enter', button), null)).toBeNull();
    const river = element('div', '<div role="option">x</div>');
    expect(triageActionFor(press('Enter', river), river)).toBe('open');
    expect(triageActionFor(press('Enter', river.firstElementChild), river)).toBe('open');
  });
});
