/**
 * Imported first by main.tsx, before any module builds a zod schema: zod decides at schema construction whether
 * it may compile validators with `new Function`, probing for eval once. Our policy forbids eval, so the probe
 * only ever produced a CSP violation report (which the hostile-content suite counts). Jitless: no probe, same
 * results.
 */
import { z } from 'zod';

z.config({ jitless: true });
