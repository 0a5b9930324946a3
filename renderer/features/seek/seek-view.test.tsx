import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { SeekView } from '.';

afterEach(cleanup);

it('has an h1 the shell can focus, an honest empty state and no dead controls', () => {
  const { container } = render(<SeekView />);
  const heading = screen.getByRole('heading', { level: 1 });
  expect(heading.textContent).toBe('Seek');
  expect(heading.tabIndex).toBe(-1);
  const text = container.textContent ?? '';
  for (const phrase of ['subscriptions', 'hashtag searches', 'triage', 'offline']) expect(text.toLowerCase()).toContain(phrase);
  expect(screen.getByText('Coming')).toBeTruthy();
  expect(screen.queryAllByRole('button')).toEqual([]);
  expect(screen.queryAllByRole('link')).toEqual([]);
  expect(screen.queryAllByRole('textbox')).toEqual([]);
});
