import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { createNote, DatabaseContext, type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest } from '../../../data/migration-harness';
import { sampleVaultPicked, sampleVaultZip } from './sample-vault';
import { VaultButtons } from './vault-buttons';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), {
  beforeDelete: () => {
    cleanup();
    vi.restoreAllMocks();
  },
});

function renderButtons() {
  render(
    <DatabaseContext value={db}>
      <VaultButtons />
    </DatabaseContext>,
  );
}

const folderInput = () => screen.getByLabelText<HTMLInputElement>('Vault folder');
const zipInput = () => screen.getByLabelText<HTMLInputElement>('Zipped vault');

describe('VaultButtons', () => {
  it('imports a picked folder, shows progress and then what it imported and skipped, in words', async () => {
    renderButtons();
    expect(folderInput().hasAttribute('webkitdirectory')).toBe(true);
    const click = vi.spyOn(HTMLInputElement.prototype, 'click');
    fireEvent.click(screen.getByRole('button', { name: 'Import vault' }));
    expect(click).toHaveBeenCalledTimes(1);

    const seen: string[] = [];
    const status = screen.getByRole('status');
    const observer = new MutationObserver(() => seen.push(status.textContent ?? ''));
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    fireEvent.change(folderInput(), { target: { files: sampleVaultPicked() } });
    await waitFor(() => expect(status.textContent).toBe('Imported 8 notes and 3 attachments, skipped 3 files (hidden or app settings, not text).'));
    observer.disconnect();
    expect(seen.some((text) => /^Importing \d+ of 12 files…$/.test(text))).toBe(true);

    const report = screen.getByRole('region', { name: 'Vault import' });
    expect(within(report).getByText('Show what was skipped')).toBeTruthy();
    expect(report.textContent).toContain('.obsidian/: hidden or app settings');
    expect(report.textContent).toContain('Binary.md: not text');
    expect(report.textContent).toContain('Latin1.md: Some characters were not UTF-8 text');
    expect(await db.notes.count()).toBe(8);
  });

  it('imports a .zip through the second button', async () => {
    renderButtons();
    fireEvent.change(zipInput(), { target: { files: [new File([sampleVaultZip() as Uint8Array<ArrayBuffer>], 'sample-vault.zip', { type: 'application/zip' })] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Imported 8 notes and 3 attachments/));
  });

  it('says so when the .zip is not one', async () => {
    renderButtons();
    fireEvent.change(zipInput(), { target: { files: [new File(['nope'], 'notes.zip')] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported 0 notes and 0 attachments, skipped 1 file (not a zip file).'));
    expect(screen.getByRole('region', { name: 'Vault import' }).textContent).toContain('notes.zip: not a zip file');
  });

  it('exports every note as a dated zip download', async () => {
    await createNote(db, { title: 'Hello', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'World' }] }] } });
    let blob: Blob | undefined;
    const createObjectURL = vi.fn((made: Blob) => {
      blob = made;
      return 'blob:vault';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderButtons();
    fireEvent.click(screen.getByRole('button', { name: 'Export vault' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved your notes as “Commonplace vault \d{4}-\d{2}-\d{2}\.zip”\.$/));
    const downloaded = click.mock.contexts[0] as HTMLAnchorElement;
    expect(downloaded.download).toMatch(/^Commonplace vault \d{4}-\d{2}-\d{2}\.zip$/);
    expect(downloaded.href).toBe('blob:vault');
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob!);
    });
    expect(strFromU8(unzipSync(bytes)['Hello.md']!)).toBe('World\n');
  });
});
