import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostCallError } from '../../shared/host-error';
import { App } from './app';
import { browserInfo, deferred, fakeHost } from './fake-host';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});
afterEach(cleanup);

const areasNav = () => screen.getByRole('navigation', { name: 'Areas' });
const areaLink = (name: string) => within(areasNav()).getByRole('link', { name });

describe('App navigation', () => {
  it('shows exactly Seek, Sense and Share, with Seek current by default', async () => {
    render(<App host={fakeHost(async () => browserInfo)} />);
    const links = within(areasNav()).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Seek', 'Sense', 'Share']);
    expect(areaLink('Seek').getAttribute('aria-current')).toBe('page');
    expect(areaLink('Sense').getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Seek');
    await screen.findByText(/browser mode/);
  });

  it('switches area on click, marks it current and moves focus to its heading', async () => {
    render(<App host={fakeHost(async () => browserInfo)} />);
    fireEvent.click(areaLink('Sense'));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Sense' });
    expect(areaLink('Sense').getAttribute('aria-current')).toBe('page');
    expect(areaLink('Seek').getAttribute('aria-current')).toBeNull();
    expect(document.activeElement).toBe(heading);
    expect(window.location.hash).toBe('#/sense');
    expect(document.title).toBe('Sense · Commonplace');
  });

  it('opens the area named in the URL and follows Back', async () => {
    window.history.replaceState(null, '', '/#/share');
    render(<App host={fakeHost(async () => browserInfo)} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Share');
    fireEvent.click(areaLink('Seek'));
    await screen.findByRole('heading', { level: 1, name: 'Seek' });
    act(() => window.history.back());
    await screen.findByRole('heading', { level: 1, name: 'Share' });
  });

  it('says Sense is waiting for the library while it opens, rather than showing controls that cannot work yet', async () => {
    render(<App host={fakeHost(async () => browserInfo)} />);
    fireEvent.click(areaLink('Sense'));
    const main = await screen.findByRole('main');
    await within(main).findByRole('heading', { level: 1, name: 'Sense' });
    expect(within(main).getByText('Opening your library…')).toBeTruthy();
    expect(within(main).queryAllByRole('button')).toEqual([]);
  });

  it('says Share is waiting for the library while it opens, with no controls that cannot work yet', async () => {
    render(<App host={fakeHost(async () => browserInfo)} />);
    fireEvent.click(areaLink('Share'));
    const main = await screen.findByRole('main');
    await within(main).findByRole('heading', { level: 1, name: 'Share' });
    expect(within(main).getByText('Opening your library…')).toBeTruthy();
    expect(within(main).queryAllByRole('button')).toEqual([]);
  });
});

describe('App status bar', () => {
  it('says it is connecting, then what app:info answered', async () => {
    const answer = deferred<typeof browserInfo>();
    const host = fakeHost(() => answer.promise);
    render(<App host={host} />);
    expect(screen.getByTestId('app-info').textContent).toBe('Connecting to host…');
    await act(async () => answer.resolve(browserInfo));
    expect(screen.getByRole('status').textContent).toBe('Commonplace 0.1.0 · linux · browser mode');
    expect(host.calls).toContain('app:info');
  });

  it('calls the desktop transport "desktop"', async () => {
    render(<App host={fakeHost(async () => ({ ...browserInfo, platform: 'darwin', transport: 'ipc' }), 'ipc')} />);
    // The status bar exists at once ("Connecting…"); wait for the answer, not for the element.
    await waitFor(() => expect(screen.getByTestId('app-info').textContent).toMatch(/Commonplace 0\.1\.0 · darwin · desktop/));
  });

  it('shows the host error in words as an alert, and can try again', async () => {
    let fail = true;
    const host = fakeHost(async () => {
      if (fail) throw new HostCallError({ code: 'unavailable', message: 'Commonplace cannot reach its host.' });
      return browserInfo;
    });
    render(<App host={host} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Commonplace cannot reach its host.');
    expect(screen.getByTestId('app-info').textContent).toContain('Commonplace cannot reach its host.');

    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('browser mode'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not show internals of unexpected errors', async () => {
    render(<App host={fakeHost(async () => Promise.reject(new TypeError('x is undefined at bridge.js:12')))} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toContain('bridge.js');
    expect(alert.textContent).toMatch(/could not talk to its host/);
  });
});
