/**
 * What the two blog publishers (micropub.ts, wordpress.ts) share about the site they post to: how they
 * speak of it, and its home page, read for the endpoints the site announces in its Link headers.
 */
import type { HttpGetResult } from '../net/http-get';
import { linkHeaderTargets, publishGet, type PublishHttpOptions, type ServiceVoice } from './http-send';

/** A site that creates posts: after a timeout or a dropped connection the post may exist, so the user is told where to look. */
export function siteVoice(name: string, lookAt: string): ServiceVoice {
  return { name, unsure: `The post may have been published anyway: look at ${lookAt} before publishing again, or it may appear twice.` };
}

export interface ServicePage extends HttpGetResult {
  /** The Link header's targets by relation, resolved against the address the page came from. */
  links: Map<string, string>;
}

/** The site's page through the publishing GET, with its Link header read. */
export async function fetchServicePage(address: string, voice: ServiceVoice, accept: string, options: PublishHttpOptions): Promise<ServicePage> {
  const page = await publishGet(address, voice, accept, options);
  return { ...page, links: linkHeaderTargets(page.headers.get('link'), page.finalUrl) };
}
