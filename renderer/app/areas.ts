/**
 * The three areas as the shell presents them. Views and icons come only through each feature's
 * public index.ts, so the shell never reaches into a feature's internals.
 */
import type { ComponentType } from 'react';
import { SeekIcon, SeekView } from '../features/seek';
import { SenseIcon, SenseView } from '../features/sense';
import { ShareIcon, ShareView } from '../features/share';
import type { Area } from './router';

export interface AreaEntry {
  area: Area;
  /** The link's accessible name; end-to-end tests find the nav links by it, so keep it one word. */
  label: string;
  description: string;
  Icon: ComponentType<{ className?: string }>;
  View: ComponentType;
}

export const areaEntries: readonly AreaEntry[] = [
  { area: 'seek', label: 'Seek', description: 'Feeds and the river', Icon: SeekIcon, View: SeekView },
  { area: 'sense', label: 'Sense', description: 'Highlights, notes, links', Icon: SenseIcon, View: SenseView },
  { area: 'share', label: 'Share', description: 'Digests, blog, feeds', Icon: ShareIcon, View: ShareView },
];

export function areaEntry(area: Area): AreaEntry {
  const entry = areaEntries.find((candidate) => candidate.area === area);
  if (!entry) throw new Error(`No area entry for ${area}`);
  return entry;
}
