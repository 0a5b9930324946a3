import type { ReactNode } from 'react';
import type { HostClient } from '../../host/host-client';
import { defaultPipeline } from './default-pipeline';
import { SeekProvider } from './seek-context';

interface SeekRootProps {
  host: HostClient;
  libraryError?: string | undefined;
  children: ReactNode;
}

/** The provider as the app mounts it: the real normaliser and OPML functions, background refresh on. */
export function SeekRoot({ host, libraryError, children }: SeekRootProps) {
  return (
    <SeekProvider host={host} pipeline={defaultPipeline} libraryError={libraryError}>
      {children}
    </SeekProvider>
  );
}
